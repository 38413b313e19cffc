package nl.beslisstraat.engine.tenancy;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The switch in the pages' header, for people who work for more than one municipality: a form post
 * (with the CSRF token every form carries) that keeps the chosen municipality in the session. Only
 * a municipality the account works for is taken; any other code is refused and changes nothing.
 * {@link MunicipalityFilter} checks the choice again on every request.
 */
@Controller
class MunicipalitySwitch {

    private final Memberships memberships;

    MunicipalitySwitch(Memberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/municipality")
    String switchTo(@RequestParam(required = false) String municipality, Principal user, HttpSession session) {
        Memberships.Membership chosen = memberships
                .of(user.getName())
                .in(municipality == null ? "" : municipality.trim())
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.FORBIDDEN, "U werkt niet voor deze gemeente."));
        session.setAttribute(MunicipalityFilter.CHOSEN, chosen.code());
        // the start page of the roles held there: they may differ from those of the page left
        return "redirect:/";
    }
}
