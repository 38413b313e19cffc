package nl.beslisstraat.engine.norms;

import java.io.StringReader;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The norm table over REST.
 *
 * <ul>
 *   <li>{@code GET /api/norms}: the versions with their effective dates.
 *   <li>{@code GET /api/norms/{version}}: one version's rows.
 *   <li>{@code GET /api/norms/{before}/diff/{after}}: what changed, amount by amount.
 *   <li>{@code POST /api/norms?version=2027.1&effectiveFrom=2027-01-01&note=...} with the table
 *       as CSV ({@code text/csv}): adds a version; 400 naming every wrong line and column.
 * </ul>
 */
@RestController
@RequestMapping("/api/norms")
class NormController {

    private final NormTable table;
    private final NormCatalog catalog;

    NormController(NormTable table, NormCatalog catalog) {
        this.table = table;
        this.catalog = catalog;
    }

    @GetMapping
    List<Map<String, Object>> versions() {
        return catalog.versions().stream()
                .map(version -> Map.<String, Object>of(
                        "version", version.version(),
                        "effectiveFrom", version.effectiveFrom(),
                        "rows", version.amounts().size()))
                .toList();
    }

    @GetMapping("/{version}")
    NormVersion version(@PathVariable String version) {
        return catalog.version(version);
    }

    /** What changed from one version to another, amount by amount. */
    @GetMapping("/{before}/diff/{after}")
    List<NormDiff.Change> diff(@PathVariable String before, @PathVariable String after) {
        return NormDiff.between(catalog.version(before), catalog.version(after));
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    ResponseEntity<NormVersion> add(
            @RequestParam String version,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String note,
            @RequestBody String csv) {
        NormVersion added = table.addVersion(version, effectiveFrom, note, new StringReader(csv), "api");
        return ResponseEntity.created(URI.create("/api/norms/" + added.version()))
                .body(added);
    }

    @ExceptionHandler(InvalidNormTable.class)
    ProblemDetail invalid(InvalidNormTable invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The norm table was not accepted; nothing changed.");
        problem.setTitle("Invalid norm table");
        problem.setProperty("errors", invalid.problems());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unknown(IllegalArgumentException unknown) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    }
}
