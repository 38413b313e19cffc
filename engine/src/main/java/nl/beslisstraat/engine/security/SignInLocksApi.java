package nl.beslisstraat.engine.security;

import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform administrator's view of sign-in locks ({@code PLATFORM_ADMIN} only, as all of
 * {@code /api/platform}).
 *
 * <ul>
 *   <li>{@code GET /api/platform/sign-in-locks}: the accounts and addresses locked now.
 *   <li>{@code DELETE /api/platform/sign-in-locks/accounts/{username}}: lifts an account's lock;
 *       204, or 404 when it is not locked.
 *   <li>{@code DELETE /api/platform/sign-in-locks/addresses/{address}}: the same for an address.
 * </ul>
 *
 * Each lift is audited with the administrator's name.
 */
@RestController
@RequestMapping(path = "/api/platform/sign-in-locks", produces = MediaType.APPLICATION_JSON_VALUE)
class SignInLocksApi {

    private final SignInThrottle throttle;

    SignInLocksApi(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping
    List<SignInThrottle.Lock> locks() {
        return throttle.locks();
    }

    @DeleteMapping("/accounts/{username}")
    ResponseEntity<Void> unlockAccount(@PathVariable String username, Principal administrator) {
        return unlocked(throttle.unlock(SignInThrottle.Kind.ACCOUNT, username, administrator.getName()));
    }

    @DeleteMapping("/addresses/{address}")
    ResponseEntity<Void> unlockAddress(@PathVariable String address, Principal administrator) {
        return unlocked(throttle.unlock(SignInThrottle.Kind.ADDRESS, address, administrator.getName()));
    }

    private static ResponseEntity<Void> unlocked(boolean lifted) {
        return lifted
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
