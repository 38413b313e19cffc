package nl.beslisstraat.engine.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/operations/metrics}: the {@code beslisstraat_*} series in the Prometheus text
 * format, for a municipality's Prometheus (an account with MONITORING) or scheduler. The series are
 * those of the municipality the request works for (the account's own, or the one named in {@code
 * X-Municipality}) and of no other: they are rendered from that municipality's figures alone, so
 * nothing of another municipality is there to leak. The platform administrator, who works for no
 * municipality, gets every municipality's.
 */
@RestController
class OperationsMetricsApi {

    /** The Prometheus text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final OperationsFigures figures;

    OperationsMetricsApi(OperationsFigures figures) {
        this.figures = figures;
    }

    @GetMapping(path = "/api/operations/metrics", produces = PROMETHEUS_TEXT)
    ResponseEntity<String> metrics(Authentication caller) {
        Map<String, MunicipalityFigures> read = new LinkedHashMap<>();
        Optional<String> working = Municipality.current();
        if (working.isPresent()) {
            read.put(working.get(), figures.of(working.get()));
        } else if (platformAdministrator(caller)) {
            figures.municipalities().forEach(code -> read.put(code, figures.of(code)));
        } else {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok().header("Content-Type", PROMETHEUS_TEXT).body(OperationsMeters.scrape(read));
    }

    private static boolean platformAdministrator(Authentication caller) {
        return caller != null
                && caller.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Role.PLATFORM_ADMIN.name()));
    }
}
