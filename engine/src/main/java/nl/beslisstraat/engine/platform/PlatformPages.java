package nl.beslisstraat.engine.platform;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.beslisstraat.engine.audit.PlatformAuditLog;
import nl.beslisstraat.engine.security.AccountRefused;
import nl.beslisstraat.engine.security.ApiKeys;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Platform administration as web pages: the municipalities with a form to add one, and per
 * municipality its accounts with forms for a new account and for giving an existing account roles
 * there, take them away again, give an account a new password (enabling it again if it was
 * disabled) or disable it everywhere, and the e-services' API keys; and
 * the platform's own audit log. A refused form comes back with what was typed (never the password)
 * and a message per field.
 */
@Controller
class PlatformPages {

    /** The roles a municipality's account may have, in the order the form offers them. */
    private static final List<Role> ROLES =
            List.of(Role.REVIEWER, Role.POLICY_OFFICER, Role.SCHEDULER, Role.AUDITOR, Role.INTAKE, Role.MONITORING);

    /** The entries of the platform's log on one page. */
    static final int LOG_ENTRIES = 200;

    private final Onboarding onboarding;
    private final PlatformAuditLog log;
    private final ApiKeys keys;

    PlatformPages(Onboarding onboarding, PlatformAuditLog log, ApiKeys keys) {
        this.onboarding = onboarding;
        this.log = log;
        this.keys = keys;
    }

    @GetMapping("/platform")
    String municipalities(Model model) {
        model.addAttribute("municipalities", onboarding.municipalities());
        return "platform/municipalities";
    }

    /**
     * The platform's log, newest first, a page of {@link #LOG_ENTRIES} at a time: {@code before} is
     * the chain position the page starts below, so a page stays the same while entries are added.
     */
    @GetMapping("/platform/audit")
    String auditLog(@RequestParam(required = false) Long before, Model model) {
        if (before != null && before < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "before: a chain position of 1 or more");
        }
        // one more than shown, to know whether there is an older page
        List<PlatformAuditLog.Entry> entries = log.before(before == null ? Long.MAX_VALUE : before, LOG_ENTRIES + 1);
        model.addAttribute("entries", entries.subList(0, Math.min(LOG_ENTRIES, entries.size())));
        model.addAttribute(
                "older",
                entries.size() > LOG_ENTRIES ? entries.get(LOG_ENTRIES - 1).position() : null);
        model.addAttribute("paged", before != null);
        model.addAttribute("head", log.head());
        return "platform/audit";
    }

    @PostMapping("/platform/municipalities")
    String onboard(
            @RequestParam(required = false) String cbsCode,
            @RequestParam(required = false) String name,
            Principal administrator,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        try {
            Onboarding.MunicipalityRow onboarded = onboarding.onboard(cbsCode, name, administrator.getName());
            flash.addFlashAttribute("onboarded", onboarded);
            return "redirect:/platform/municipalities/" + onboarded.cbsCode();
        } catch (OnboardingRefused refused) {
            model.addAttribute("errors", byField(refused, locale));
            model.addAttribute("cbsCode", cbsCode);
            model.addAttribute("name", name);
            return municipalities(model);
        }
    }

    @GetMapping("/platform/municipalities/{code}")
    String municipality(@PathVariable String code, Model model) {
        Onboarding.MunicipalityRow municipality =
                onboarding.municipality(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<UserAccounts.Member> members = onboarding.members(code);
        model.addAttribute("municipality", municipality);
        model.addAttribute("members", members);
        model.addAttribute("roles", ROLES);
        model.addAttribute("keys", keys.of(municipality.cbsCode()));
        model.addAttribute(
                "eServices",
                members.stream()
                        .filter(member -> member.enabled() && member.roles().contains(Role.INTAKE.name()))
                        .map(UserAccounts.Member::username)
                        .toList());
        return "platform/municipality";
    }

    /**
     * Issues an API key to one of the municipality's e-services and shows it on the page that answers,
     * the only time it is shown: no redirect, so it is never kept in the session for a next page.
     */
    @PostMapping("/platform/municipalities/{code}/api-keys")
    String issueKey(
            @PathVariable String code,
            @RequestParam(required = false) String username,
            @RequestParam(defaultValue = "-1") int seen,
            Principal administrator,
            Locale locale,
            Model model) {
        String municipality = existing(code);
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            model.addAttribute(
                    "issued", keys.issueFromForm(username == null ? "" : username, administrator.getName(), seen));
        } catch (AccountRefused refused) {
            model.addAttribute("keyError", refused.in(locale));
        } catch (ApiKeys.IssuedMeanwhile again) {
            model.addAttribute("keyAgain", true);
        }
        return municipality(municipality, model);
    }

    @PostMapping("/platform/municipalities/{code}/api-keys/{keyId}/revoke")
    String revokeKey(
            @PathVariable String code, @PathVariable String keyId, Principal administrator, RedirectAttributes flash) {
        String municipality = existing(code);
        boolean revoked;
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            revoked = keys.revoke(keyId, administrator.getName());
        }
        // a second click, or a key of another municipality: said, nothing changed
        flash.addFlashAttribute(revoked ? "keyRevoked" : "keyNotRevoked", keyId);
        return "redirect:/platform/municipalities/" + municipality;
    }

    private String existing(String code) {
        return onboarding
                .municipality(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .cbsCode();
    }

    @PostMapping("/platform/municipalities/{code}/users")
    String createAccount(
            @PathVariable String code,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String personId,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String password,
            Principal administrator,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        try {
            onboarding.createAccount(
                    code,
                    new Onboarding.NewAccount(username, personId, displayName, roles, password),
                    administrator.getName());
            flash.addFlashAttribute("created", username);
            return "redirect:/platform/municipalities/" + code;
        } catch (OnboardingRefused refused) {
            notFound(refused);
            model.addAttribute("errors", byField(refused, locale));
            model.addAttribute("form", "account");
            model.addAttribute("username", username);
            model.addAttribute("personId", personId);
            model.addAttribute("displayName", displayName);
            model.addAttribute("chosenRoles", roles == null ? List.of() : roles);
            return municipality(code, model);
        }
    }

    @PostMapping("/platform/municipalities/{code}/memberships")
    String grant(
            @PathVariable String code,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) List<String> roles,
            Principal administrator,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        try {
            onboarding.grant(code, username, roles, administrator.getName());
            flash.addFlashAttribute("granted", username);
            return "redirect:/platform/municipalities/" + code;
        } catch (OnboardingRefused refused) {
            notFound(refused);
            model.addAttribute("errors", byField(refused, locale));
            model.addAttribute("form", "membership");
            model.addAttribute("grantUsername", username);
            model.addAttribute("grantRoles", roles == null ? List.of() : roles);
            return municipality(code, model);
        }
    }

    @PostMapping("/platform/municipalities/{code}/memberships/{username}/withdraw")
    String withdraw(
            @PathVariable String code,
            @PathVariable String username,
            Principal administrator,
            RedirectAttributes flash) {
        try {
            onboarding.withdraw(code, username, administrator.getName());
            flash.addFlashAttribute("withdrawn", username);
        } catch (OnboardingRefused refused) {
            if (!refused.problems().get(0).field().equals("username")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND); // no such municipality
            }
            // sent twice, or by two administrators at once: said so on the page, nothing changed
            flash.addFlashAttribute("notMember", username);
        }
        return "redirect:/platform/municipalities/" + code;
    }

    /**
     * Disables the account everywhere, asked from the page of one municipality it works for, to which
     * the administrator returns; the municipality in the path only says where to return to.
     */
    @PostMapping("/platform/municipalities/{code}/accounts/{username}/disable")
    String disable(
            @PathVariable String code,
            @PathVariable String username,
            Principal administrator,
            Locale locale,
            RedirectAttributes flash) {
        String back = existing(code);
        try {
            List<String> unfinished = onboarding.disable(username, administrator.getName());
            if (unfinished.isEmpty()) {
                flash.addFlashAttribute("disabled", username);
            } else {
                flash.addFlashAttribute(
                        "notDisabled",
                        Onboarding.unfinishedMessage(username, unfinished).in(locale));
            }
        } catch (OnboardingRefused refused) {
            flash.addFlashAttribute(
                    "notDisabled", refused.problems().get(0).message().in(locale));
        }
        return "redirect:/platform/municipalities/" + back;
    }

    /**
     * Gives the account a new password, or enables it again with one, asked from the page of a
     * municipality it works for; the answering page shows the password, the only time it is shown:
     * no redirect, so it is never kept in the session for a next page.
     */
    @PostMapping("/platform/municipalities/{code}/accounts/{username}/password")
    String givePassword(
            @PathVariable String code,
            @PathVariable String username,
            Principal administrator,
            Locale locale,
            Model model) {
        String municipality = existing(code);
        try {
            Onboarding.PasswordGiven given = onboarding.givePassword(username, administrator.getName());
            model.addAttribute("given", given.given());
            if (!given.unrecorded().isEmpty()) {
                model.addAttribute(
                        "givenUnrecorded",
                        Onboarding.unrecordedMessage(username, given.unrecorded())
                                .in(locale));
            }
        } catch (OnboardingRefused refused) {
            model.addAttribute("notGiven", refused.problems().get(0).message().in(locale));
        }
        return municipality(municipality, model);
    }

    private static void notFound(OnboardingRefused refused) {
        if (refused.kind() == OnboardingRefused.Kind.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The form shows each field's message beside it, in the page's language. */
    private static Map<String, String> byField(OnboardingRefused refused, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.problems()
                .forEach(problem ->
                        errors.merge(problem.field(), problem.message().in(locale), (a, b) -> a + " " + b));
        return errors;
    }
}
