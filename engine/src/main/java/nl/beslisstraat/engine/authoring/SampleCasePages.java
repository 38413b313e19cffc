package nl.beslisstraat.engine.authoring;

import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.decision.DecisionStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A past case as a policy officer opens it from a simulation's samples: the application as
 * received and every decision on record with its reasons and versions. Read only.
 */
@Controller
class SampleCasePages {

    private final CaseStore cases;
    private final DecisionStore decisions;
    private final JsonMapper json;

    SampleCasePages(CaseStore cases, DecisionStore decisions, JsonMapper json) {
        this.cases = cases;
        this.decisions = decisions;
        this.json = json;
    }

    @GetMapping("/rules/cases/{id}")
    String sample(@PathVariable long id, Model model) {
        StoredCase stored = cases.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Zaak " + id + " bestaat niet."));
        model.addAttribute("case", stored);
        model.addAttribute("input", json.readTree(stored.input()).properties());
        model.addAttribute("decisions", decisions.findFor(id));
        return "rules/case";
    }
}
