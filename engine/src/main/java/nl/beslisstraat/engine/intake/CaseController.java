package nl.beslisstraat.engine.intake;

import java.net.URI;
import java.util.Map;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.decision.Recomputation;
import nl.beslisstraat.engine.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake API.
 *
 * <ul>
 *   <li>{@code POST /api/cases}: queue an application for the nightly run; 202 with its id.
 *   <li>{@code POST /api/cases/decide-now}: decide it at once; 201 with the case and decision.
 *   <li>{@code GET /api/cases/{id}}: the case with its status, decisions and review task;
 *       motivations in Dutch, or in English with {@code ?lang=en} or {@code Accept-Language: en}.
 *       An e-service (INTAKE) reads only the cases it submitted: any other case, also one of its
 *       own municipality, answers 404, as a case that does not exist does.
 *   <li>{@code GET /api/cases/{id}/recomputation}: the automated decision recomputed from the stored
 *       input with its recorded rule-set and norm versions, and any difference.
 * </ul>
 *
 * The body is read as bytes and parsed by {@link ApplicationReader}, so that every contract error,
 * text that is no UTF-8 included, is reported by field name rather than as a framework message.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseController {

    private final ApplicationReader reader;
    private final CaseIntake intake;
    private final Recomputation recomputation;
    private final CaseStore cases;

    CaseController(ApplicationReader reader, CaseIntake intake, Recomputation recomputation, CaseStore cases) {
        this.reader = reader;
        this.intake = intake;
        this.recomputation = recomputation;
        this.cases = cases;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> enqueue(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        long id = intake.enqueue(reader.read(body), IdempotencyKey.of(idempotencyKey));
        return ResponseEntity.accepted()
                .location(URI.create("/api/cases/" + id))
                .body(Map.of("id", id, "status", "QUEUED"));
    }

    @PostMapping(path = "/decide-now", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseFile> decideNow(
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        CaseFile decided = intake.decideNow(
                reader.read(body), MotivationLanguage.choose(lang, acceptLanguage), IdempotencyKey.of(idempotencyKey));
        return ResponseEntity.created(URI.create("/api/cases/" + decided.id())).body(decided);
    }

    /** The case; motivations in Dutch unless English is asked for ({@code ?lang=en} or Accept-Language). */
    @GetMapping("/{id}")
    ResponseEntity<CaseFile> caseFile(
            @PathVariable long id,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            Authentication caller) {
        if (clientOnly(caller) && !cases.submittedBy(id, caller.getName())) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.of(intake.caseFile(id, MotivationLanguage.choose(lang, acceptLanguage)));
    }

    /**
     * Whether the caller reads as an e-service only: INTAKE without a role that reads all of the
     * municipality's cases. The authorities are those of the request's municipality.
     */
    private static boolean clientOnly(Authentication caller) {
        var roles = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        boolean readsAll = roles.contains("ROLE_" + Role.REVIEWER.name())
                || roles.contains("ROLE_" + Role.AUDITOR.name())
                || roles.contains("ROLE_" + Role.POLICY_OFFICER.name());
        return roles.contains("ROLE_" + Role.INTAKE.name()) && !readsAll;
    }

    /** Recomputes the case's automated decision from its stored input and recorded versions. */
    @GetMapping("/{id}/recomputation")
    ResponseEntity<Recomputation.Result> recomputation(@PathVariable long id) {
        return ResponseEntity.of(recomputation.ofCase(id));
    }
}
