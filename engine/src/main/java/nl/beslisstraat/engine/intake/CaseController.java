package nl.beslisstraat.engine.intake;

import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake API.
 *
 * <ul>
 *   <li>{@code POST /api/cases}: queue an application for the nightly run; 202 with its id.
 *   <li>{@code POST /api/cases/decide-now}: decide it at once; 201 with the case and decision.
 *   <li>{@code GET /api/cases/{id}}: the case with its status, decisions and review task.
 * </ul>
 *
 * The body is read as text and parsed by {@link ApplicationReader}, so that every contract error
 * is reported by field name rather than as a framework message.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseController {

    private final ApplicationReader reader;
    private final CaseIntake intake;

    CaseController(ApplicationReader reader, CaseIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> enqueue(@RequestBody(required = false) String body) {
        long id = intake.enqueue(reader.read(body));
        return ResponseEntity.accepted()
                .location(URI.create("/api/cases/" + id))
                .body(Map.of("id", id, "status", "QUEUED"));
    }

    @PostMapping(path = "/decide-now", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseFile> decideNow(@RequestBody(required = false) String body) {
        long id = intake.decideNow(reader.read(body));
        return ResponseEntity.created(URI.create("/api/cases/" + id))
                .body(intake.caseFile(id).orElseThrow());
    }

    @GetMapping("/{id}")
    ResponseEntity<CaseFile> caseFile(@PathVariable long id) {
        return ResponseEntity.of(intake.caseFile(id));
    }
}
