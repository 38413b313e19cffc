package nl.beslisstraat.engine.security;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The platform administrator's page of sign-in locks: the accounts and addresses locked now, each
 * with a button that lifts its lock (audited, as {@link SignInLocksApi} does).
 */
@Controller
class SignInLocksPage {

    private final SignInThrottle throttle;

    SignInLocksPage(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/platform/sign-in-locks")
    String locks(Model model) {
        model.addAttribute("locks", throttle.locks());
        return "platform/sign-in-locks";
    }

    @PostMapping("/platform/sign-in-locks/unlock")
    String unlock(@RequestParam SignInThrottle.Kind kind, @RequestParam String key, Principal administrator) {
        boolean lifted = throttle.unlock(kind, key, administrator.getName());
        return "redirect:/platform/sign-in-locks" + (lifted ? "?unlocked" : "");
    }
}
