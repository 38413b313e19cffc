package nl.beslisstraat.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * they want to. The current password is asked again, so an unattended session cannot change it.
 */
@Controller
class ChosenPasswordPage {

    private final UserAccounts accounts;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    ChosenPasswordPage(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(ChosenPassword.PAGE)
    String form(Authentication user, Model model) {
        model.addAttribute("toChoose", toChoose(user));
        return "account/password";
    }

    /** Read from the account: the request's authentication holds the roles of its municipality only. */
    private boolean toChoose(Authentication user) {
        return ChosenPassword.toChoose(
                accounts.loadUserByUsername(user.getName()).getAuthorities());
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
        Map<String, String> problems = accounts.choosePassword(user.getName(), current, chosen, repeated);
        if (!problems.isEmpty()) {
            model.addAttribute("toChoose", toChoose(user));
            model.addAttribute("errors", problems);
            return "account/password";
        }
        // the session goes on with the account as it is now, under a new id
        UserDetails now = accounts.loadUserByUsername(user.getName());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
        request.changeSessionId();
        sessions.saveContext(context, request, response);
        return "redirect:" + ChosenPassword.PAGE + "?chosen";
    }
}
