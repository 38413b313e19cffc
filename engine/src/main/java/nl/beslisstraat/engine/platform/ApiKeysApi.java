package nl.beslisstraat.engine.platform;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import nl.beslisstraat.engine.security.AccountRefused;
import nl.beslisstraat.engine.security.ApiKeys;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API keys of a municipality's e-services, issued and revoked by the platform administrator,
 * who onboards those e-services ({@code PLATFORM_ADMIN} only, as all of {@code /api/platform}).
 *
 * <ul>
 *   <li>{@code POST /api/platform/municipalities/{code}/api-keys} {@code {"username": "eloket"}}:
 *       issues a key to that e-service (an account with the role INTAKE there); 201 with {@code
 *       key}, the only time the key is shown, and {@code keyId}. 400 when the account is no enabled
 *       e-service of that municipality.
 *   <li>{@code GET /api/platform/municipalities/{code}/api-keys}: its keys, without secrets.
 *   <li>{@code DELETE /api/platform/municipalities/{code}/api-keys/{keyId}}: revokes one; 204, or 404
 *       when the municipality has no such key in force.
 * </ul>
 *
 * Issuing and revoking are written to the municipality's audit log with the administrator's name.
 */
@RestController
@RequestMapping(path = "/api/platform/municipalities/{code}/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeysApi {

    private final Onboarding onboarding;
    private final ApiKeys keys;

    ApiKeysApi(Onboarding onboarding, ApiKeys keys) {
        this.onboarding = onboarding;
        this.keys = keys;
    }

    record NewKey(String username) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiKeys.Issued> issue(@PathVariable String code, @RequestBody NewKey body, Principal administrator) {
        String municipality = existing(code);
        ApiKeys.Issued issued;
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            issued = keys.issue(body.username(), administrator.getName());
        }
        // the key is in this answer only: no cache anywhere may keep it
        return ResponseEntity.created(URI.create("/api/platform/municipalities/" + municipality + "/api-keys"))
                .cacheControl(CacheControl.noStore())
                .body(issued);
    }

    @GetMapping
    List<ApiKeys.Listed> list(@PathVariable String code) {
        return keys.of(existing(code));
    }

    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable String code, @PathVariable String keyId, Principal administrator) {
        String municipality = existing(code);
        boolean revoked;
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            revoked = keys.revoke(keyId, administrator.getName());
        }
        return revoked
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private String existing(String code) {
        return onboarding
                .municipality(code)
                .orElseThrow(() -> OnboardingRefused.noMunicipality(code))
                .cbsCode();
    }

    @ExceptionHandler(AccountRefused.class)
    ProblemDetail refused(AccountRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, refused.getMessage() + " Er is niets opgeslagen.");
        problem.setTitle("API key refused");
        problem.setProperty("errors", List.of(OnboardingRefused.Problem.of(refused)));
        return problem;
    }

    @ExceptionHandler(OnboardingRefused.class)
    ProblemDetail notFound(OnboardingRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, refused.problems().get(0).message().nl());
        problem.setProperty("errors", refused.problems());
        return problem;
    }
}
