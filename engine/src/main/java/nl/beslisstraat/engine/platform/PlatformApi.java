package nl.beslisstraat.engine.platform;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.PlatformAuditLog;
import nl.beslisstraat.engine.security.UserAccounts;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform administration over REST, for the role {@code PLATFORM_ADMIN} only.
 *
 * <ul>
 *   <li>{@code GET /api/platform/municipalities}: the municipalities and how many accounts each has.
 *   <li>{@code POST /api/platform/municipalities} {@code {"cbsCode": "0363", "name": "Amsterdam"}}:
 *       onboards one; 201, or 400 / 409 naming the field.
 *   <li>{@code GET /api/platform/municipalities/{code}/users}: its accounts and their roles there.
 *   <li>{@code POST /api/platform/municipalities/{code}/users} {@code {"username", "personId",
 *       "displayName", "roles": ["REVIEWER"], "password"}}: creates an account that works there.
 *   <li>{@code POST /api/platform/municipalities/{code}/memberships} {@code {"username", "roles"}}:
 *       gives an existing account roles there.
 *   <li>{@code DELETE /api/platform/municipalities/{code}/memberships/{username}}: takes the account's
 *       roles there away, revokes its API keys there and gives back the review tasks it held there;
 *       204, or 404 when it does not work there.
 *   <li>{@code POST /api/platform/accounts/{username}/disable}: disables the account in every
 *       municipality, revoking its API keys and giving back its review tasks in each; 204, 404 for no
 *       such account, 400 for the administrator's own, 500 naming the municipalities where that is
 *       still to be done (the account is disabled; asking again finishes it).
 *   <li>{@code POST /api/platform/accounts/{username}/password}: gives the account a new password,
 *       drawn here and answered this once ({@code {"username", "password", "enabledAgain",
 *       "unrecorded"}}), and enables it if it was disabled; a person's holder chooses their own at the
 *       next sign-in. 200; 404 for no such account, 400 for the administrator's own; {@code
 *       unrecorded} names municipalities whose log does not say so yet (asking again gives another
 *       password and records it everywhere).
 *   <li>{@code GET /api/platform/audit?limit=100&before=N}: the platform's own audit log, newest first
 *       (at most 1,000 entries), those before chain position N if given: the next page back starts
 *       below the last entry's {@code position}.
 * </ul>
 */
@RestController
@RequestMapping(path = "/api/platform", produces = MediaType.APPLICATION_JSON_VALUE)
class PlatformApi {

    private final Onboarding onboarding;
    private final PlatformAuditLog log;

    PlatformApi(Onboarding onboarding, PlatformAuditLog log) {
        this.onboarding = onboarding;
        this.log = log;
    }

    record NewMunicipality(String cbsCode, String name) {}

    record NewMembership(String username, List<String> roles) {}

    @GetMapping("/municipalities")
    List<Onboarding.MunicipalityRow> municipalities() {
        return onboarding.municipalities();
    }

    @PostMapping(path = "/municipalities", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Onboarding.MunicipalityRow> onboard(@RequestBody NewMunicipality body, Principal administrator) {
        Onboarding.MunicipalityRow onboarded = onboarding.onboard(body.cbsCode(), body.name(), administrator.getName());
        return ResponseEntity.created(URI.create("/api/platform/municipalities/" + onboarded.cbsCode() + "/users"))
                .body(onboarded);
    }

    @GetMapping("/municipalities/{code}/users")
    List<UserAccounts.Member> users(@PathVariable String code) {
        return onboarding.members(code);
    }

    @PostMapping(path = "/municipalities/{code}/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> createAccount(
            @PathVariable String code, @RequestBody Onboarding.NewAccount body, Principal administrator) {
        onboarding.createAccount(code, body, administrator.getName());
        return ResponseEntity.created(URI.create("/api/platform/municipalities/" + code + "/users"))
                .body(Map.of("username", body.username(), "municipality", code, "roles", body.roles()));
    }

    @PostMapping(path = "/municipalities/{code}/memberships", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> grant(
            @PathVariable String code, @RequestBody NewMembership body, Principal administrator) {
        onboarding.grant(code, body.username(), body.roles(), administrator.getName());
        return ResponseEntity.created(URI.create("/api/platform/municipalities/" + code + "/users"))
                .body(Map.of("username", body.username(), "municipality", code, "roles", body.roles()));
    }

    @DeleteMapping("/municipalities/{code}/memberships/{username}")
    ResponseEntity<Void> withdraw(@PathVariable String code, @PathVariable String username, Principal administrator) {
        onboarding.withdraw(code, username, administrator.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/accounts/{username}/disable")
    ResponseEntity<?> disable(@PathVariable String username, Principal administrator) {
        List<String> unfinished = onboarding.disable(username, administrator.getName());
        if (unfinished.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        // disabled, but its keys or tasks in these municipalities are still to go: asking again finishes
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                Onboarding.unfinishedMessage(username, unfinished).nl());
        problem.setTitle("Disabled, not finished everywhere");
        problem.setProperty("unfinished", unfinished);
        return ResponseEntity.internalServerError().body(problem);
    }

    @PostMapping("/accounts/{username}/password")
    ResponseEntity<Map<String, Object>> givePassword(@PathVariable String username, Principal administrator) {
        Onboarding.PasswordGiven given = onboarding.givePassword(username, administrator.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", given.given().username());
        body.put("password", given.given().password());
        body.put("enabledAgain", given.given().enabledAgain());
        body.put("unrecorded", given.unrecorded());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/audit")
    ResponseEntity<?> auditLog(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long before) {
        if (limit < 1 || limit > 1_000) {
            return invalid("limit", "limit: tussen 1 en 1000, niet " + limit + ".");
        }
        if (before != null && before < 1) {
            return invalid("before", "before: een schakel van de keten, 1 of hoger, niet " + before + ".");
        }
        return ResponseEntity.ok(log.before(before == null ? Long.MAX_VALUE : before, limit));
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Invalid " + field);
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(OnboardingRefused.class)
    ProblemDetail refused(OnboardingRefused refused) {
        HttpStatus status = switch (refused.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case DUPLICATE -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, refused.problems().get(0).message().nl() + " Er is niets opgeslagen.");
        problem.setTitle("Onboarding refused");
        problem.setProperty("errors", refused.problems());
        return problem;
    }
}
