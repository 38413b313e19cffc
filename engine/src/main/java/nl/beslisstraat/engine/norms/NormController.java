package nl.beslisstraat.engine.norms;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The norm table over REST.
 *
 * <ul>
 *   <li>{@code GET /api/norms}: the versions with their effective dates.
 *   <li>{@code GET /api/norms/{version}}: one version's rows.
 *   <li>{@code GET /api/norms/{before}/diff/{after}}: what changed, amount by amount.
 *   <li>{@code GET /api/norms/{version}/csv}: the version as CSV, to change and upload as the
 *       next version ({@code /api/norms/candidates}, approved by a second officer).
 * </ul>
 */
@RestController
@RequestMapping("/api/norms")
class NormController {

    private final NormCatalog catalog;

    NormController(NormCatalog catalog) {
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

    /** The version as the CSV an officer edits and uploads as the next version. */
    @GetMapping(value = "/{version}/csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String version) {
        NormVersion norms = catalog.version(version);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"normen-" + norms.version() + ".csv\"")
                .body(NormTable.csv(norms));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unknown(IllegalArgumentException unknown) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    }
}
