package nl.beslisstraat.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a signed-in person chooses their own password: at the first sign-in of an account the
 * platform administrator made (nothing else works until then, {@link ChosenPassword}), and whenever
 * they want to. The current password is asked again, so an unattended session cannot change it,
 * and a wrong one counts as a failed sign-in ({@link SignInThrottle}): a session is no way around
 * the limit on guesses.
 */
@Controller
class ChosenPasswordPage {

    private final UserAccounts accounts;
    private final SignInThrottle throttle;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    ChosenPasswordPage(UserAccounts accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @GetMapping(ChosenPassword.PAGE)
    String form(Authentication user, Model model) {
        model.addAttribute("toChoose", toChoose(user));
        return "account/password";
    }

    @PostMapping(ChosenPassword.PAGE)
    String choose(
            @RequestParam(required = false) String current,
            @RequestParam(required = false) String chosen,
            @RequestParam(required = false) String repeated,
            Authentication user,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, String> problems;
        if (throttle.refusal(user.getName(), request.getRemoteAddr()).isPresent()) {
            problems = Map.of("current", "account.password.tooMany");
        } else {
            problems = accounts.choosePassword(user.getName(), current, chosen, repeated);
            if (problems.containsKey("current")) {
                throttle.failed(user.getName(), request.getRemoteAddr());
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("toChoose", toChoose(user));
            model.addAttribute("errors", problems);
            return "account/password";
        }
        // the session goes on under a new id, with the account and its password as they are now
        UserDetails now = accounts.loadUserByUsername(user.getName());
        ((User) now).eraseCredentials();
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
        signedIn.setDetails(user.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
        accounts.passwordState(user.getName())
                .ifPresent(state -> request.getSession().setAttribute(ChosenPassword.STAMP, state.stamp()));
        return "redirect:" + ChosenPassword.PAGE + "?chosen";
    }

    /** Read from the account: the request's authentication holds the roles of its municipality only. */
    private boolean toChoose(Authentication user) {
        return accounts.passwordState(user.getName())
                .map(UserAccounts.PasswordState::toChoose)
                .orElse(false);
    }
}
