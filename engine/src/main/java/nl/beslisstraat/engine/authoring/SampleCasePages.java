package nl.beslisstraat.engine.authoring;

import java.util.Locale;
import nl.beslisstraat.engine.intake.CaseFile;
import nl.beslisstraat.engine.intake.CaseIntake;
import nl.beslisstraat.engine.intake.MotivationLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A past case as a policy officer opens it from a simulation's samples: the case file the API
 * gives (the application as received, every decision on record with its reasons and versions),
 * read only.
 */
@Controller
class SampleCasePages {

    private final CaseIntake intake;

    SampleCasePages(CaseIntake intake) {
        this.intake = intake;
    }

    @GetMapping("/rules/cases/{id}")
    String sample(@PathVariable long id, Locale locale, Model model) {
        CaseFile caseFile = intake.caseFile(id, MotivationLanguage.choose(locale.getLanguage(), null))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Zaak " + id + " bestaat niet."));
        model.addAttribute("case", caseFile);
        model.addAttribute("input", caseFile.input().properties());
        return "rules/case";
    }
}
