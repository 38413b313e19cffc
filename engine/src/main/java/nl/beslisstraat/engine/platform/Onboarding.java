package nl.beslisstraat.engine.platform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.database.WrittenText;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import nl.beslisstraat.engine.security.AccountRefused;
import nl.beslisstraat.engine.security.ApiKeys;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform administrator does: onboard a municipality, create its first accounts, give an
 * existing account roles in it, take them away again. Each step is done while working for the
 * municipality it concerns ({@link Municipality#run}), so its audit entry lands in that
 * municipality's log (the log is under row-level security) in the same transaction as the change;
 * the administrator's own requests work for no municipality.
 */
@Service
class Onboarding {

    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

    private static final Pattern CBS_CODE = Pattern.compile("[0-9]{4}");
    private static final int NAME_LENGTH = 100;

    private final JdbcTemplate jdbc;
    private final UserAccounts accounts;
    private final ApiKeys apiKeys;
    private final ReviewTaskStore reviewTasks;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    Onboarding(
            JdbcTemplate jdbc,
            UserAccounts accounts,
            ApiKeys apiKeys,
            ReviewTaskStore reviewTasks,
            AuditLog audit,
            PlatformTransactionManager transactions,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.reviewTasks = reviewTasks;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /** A municipality on the platform and how many accounts work for it. */
    record MunicipalityRow(String cbsCode, String name, long accounts) {}

    /** A new account as the administrator fills it in. */
    record NewAccount(String username, String personId, String displayName, List<String> roles, String password) {}

    List<MunicipalityRow> municipalities() {
        return jdbc.query(
                "select m.cbs_code, m.name, (select count(*) from user_municipalities um"
                        + " where um.municipality = m.cbs_code) as accounts from municipalities m order by m.name",
                (row, n) ->
                        new MunicipalityRow(row.getString("cbs_code"), row.getString("name"), row.getLong("accounts")));
    }

    Optional<MunicipalityRow> municipality(String cbsCode) {
        return municipalities().stream()
                .filter(row -> row.cbsCode().equals(cbsCode))
                .findFirst();
    }

    List<UserAccounts.Member> members(String cbsCode) {
        return accounts.membersOf(existing(cbsCode).cbsCode());
    }

    /** Adds a municipality: a CBS code of exactly four digits and a name, neither of them taken. */
    MunicipalityRow onboard(String cbsCode, String name, String administrator) {
        String code = cbsCode == null ? "" : cbsCode.strip();
        String cleanName = name == null ? "" : name.strip();
        List<OnboardingRefused.Problem> problems = new ArrayList<>();
        if (!CBS_CODE.matcher(code).matches()) {
            problems.add(new OnboardingRefused.Problem(
                    "cbsCode",
                    new Phrase(
                            "CBS-code: precies 4 cijfers, zoals 0363.", "CBS code: exactly 4 digits, such as 0363.")));
        }
        if (cleanName.isEmpty() || cleanName.length() > NAME_LENGTH || !WrittenText.plainLine(cleanName)) {
            problems.add(new OnboardingRefused.Problem(
                    "name",
                    Phrase.of(
                            "Naam: verplicht, hoogstens {0} tekens, zoals Amsterdam.",
                            "Name: required, at most {0} characters, such as Amsterdam.", NAME_LENGTH)));
        }
        if (!problems.isEmpty()) {
            throw new OnboardingRefused(OnboardingRefused.Kind.INVALID, problems);
        }
        duplicateOf(code, cleanName).ifPresent(duplicate -> {
            throw new OnboardingRefused(OnboardingRefused.Kind.DUPLICATE, List.of(duplicate));
        });
        try {
            Municipality.run(
                    code,
                    () -> transaction.executeWithoutResult(status -> {
                        jdbc.update("insert into municipalities (cbs_code, name) values (?, ?)", code, cleanName);
                        audit.appendAll(List.of(new AuditEntry(
                                administrator,
                                "MUNICIPALITY_ONBOARDED",
                                "municipality",
                                code,
                                json.writeValueAsString(Map.of("cbsCode", code, "name", cleanName)))));
                    }));
        } catch (DuplicateKeyException raced) {
            // onboarded by someone else between the check and the insert
            throw new OnboardingRefused(
                    OnboardingRefused.Kind.DUPLICATE,
                    List.of(duplicateOf(code, cleanName)
                            .orElse(new OnboardingRefused.Problem(
                                    "cbsCode", new Phrase("CBS-code: bestaat al.", "CBS code: exists already.")))));
        }
        return new MunicipalityRow(code, cleanName, 0);
    }

    /** Creates an account that works for the municipality with the roles given. */
    void createAccount(String cbsCode, NewAccount account, String administrator) {
        MunicipalityRow municipality = existing(cbsCode);
        Set<Role> roles = roles(account.roles());
        List<OnboardingRefused.Problem> problems = new ArrayList<>();
        UserAccounts.problemsOfNewAccount(
                        account.username(), account.personId(), account.displayName(), account.password(), roles)
                .forEach(refused -> problems.add(OnboardingRefused.Problem.of(refused)));
        if (!allKnown(account.roles(), roles)) {
            problems.add(unknownRoles());
        }
        if (!problems.isEmpty()) {
            throw new OnboardingRefused(OnboardingRefused.Kind.INVALID, problems);
        }
        if (accounts.exists(account.username())) {
            throw new OnboardingRefused(
                    OnboardingRefused.Kind.DUPLICATE,
                    "username",
                    Phrase.of(
                            "Gebruikersnaam: er bestaat al een account {0}. Geef een bestaand account toegang in plaats"
                                    + " van een nieuw aan te maken.",
                            "User name: there is already an account {0}. Give an existing account access instead of"
                                    + " creating a new one.",
                            account.username()));
        }
        try {
            Municipality.run(
                    municipality.cbsCode(),
                    () -> accounts.create(
                            account.username(),
                            account.personId(),
                            account.displayName(),
                            account.password(),
                            roles,
                            administrator));
        } catch (AccountRefused refused) {
            throw new OnboardingRefused(OnboardingRefused.Kind.INVALID, refused);
        }
    }

    /** Gives an existing account roles in the municipality: one person working for several. */
    void grant(String cbsCode, String username, List<String> roleNames, String administrator) {
        MunicipalityRow municipality = existing(cbsCode);
        Set<Role> roles = roles(roleNames);
        if (!allKnown(roleNames, roles)) {
            throw new OnboardingRefused(OnboardingRefused.Kind.INVALID, List.of(unknownRoles()));
        }
        try {
            Municipality.run(municipality.cbsCode(), () -> accounts.grant(username, roles, administrator));
        } catch (AccountRefused refused) {
            throw new OnboardingRefused(OnboardingRefused.Kind.INVALID, refused);
        }
    }

    /**
     * Takes the account's roles in the municipality away, revokes its API keys there and gives back
     * the review tasks it held there, in one transaction audited in that municipality: a person or
     * e-service that stops working for it.
     */
    void withdraw(String cbsCode, String username, String administrator) {
        MunicipalityRow municipality = existing(cbsCode);
        try {
            Municipality.run(
                    municipality.cbsCode(),
                    () -> transaction.executeWithoutResult(status -> {
                        accounts.withdraw(username, administrator);
                        leave(username, administrator);
                    }));
        } catch (AccountRefused refused) {
            throw new OnboardingRefused(OnboardingRefused.Kind.NOT_FOUND, refused);
        }
    }

    /**
     * Disables the account on the whole platform: a person who leaves the cooperative's
     * municipalities altogether, or an e-service taken out of use. It can no longer sign in anywhere,
     * also not in a session it has open; and in every municipality it works for, its API keys are
     * revoked, the review tasks it held go back to the queue and the municipality's log records it.
     * Its roles stay, so that what it was allowed to do remains visible, and what it did keeps its
     * name.
     *
     * <p>The account itself is disabled first, in a transaction of its own (in the first
     * municipality it works for, whose log records it), so from that commit on nothing it holds
     * opens anything, whatever happens to the rest. Then each municipality's part is a transaction
     * of that municipality (its log and tasks are under row-level security). A municipality whose
     * part fails does not stop the others; it is named in the answer, and asking again finishes it.
     * A municipality's log says it once for each time the account is disabled. An
     * administrator cannot disable their own account, so the platform keeps someone to run it.
     *
     * @return the municipalities whose part could not be done now (empty when all is done)
     */
    List<String> disable(String username, String administrator) {
        if (username.equalsIgnoreCase(administrator)) {
            throw new OnboardingRefused(
                    OnboardingRefused.Kind.INVALID,
                    "username",
                    new Phrase(
                            "Gebruikersnaam: u kunt uw eigen account niet uitschakelen; dat doet een andere"
                                    + " platformbeheerder.",
                            "User name: you cannot disable your own account; another platform administrator does"
                                    + " that."));
        }
        List<String> municipalities = accounts.municipalitiesOf(username);
        if (municipalities.isEmpty()) {
            // a platform administrator, or an account withdrawn everywhere: the platform's own log
            notFoundIfRefused(() -> Municipality.runForPlatform(
                    () -> transaction.executeWithoutResult(status -> accounts.disable(username, administrator))));
            return List.of();
        }
        String first = municipalities.get(0);
        boolean[] disabledNow = new boolean[1];
        // the account itself on its own, first: from its commit on nothing it holds opens anything,
        // whatever happens to the clean-up in each municipality after it
        notFoundIfRefused(() -> Municipality.run(
                first,
                () -> transaction.executeWithoutResult(
                        status -> disabledNow[0] = accounts.disable(username, administrator)))); // noted there if so
        return inEach(municipalities, username + " disabled", municipality -> {
            // noted once per municipality and disabling: by this call if it disabled the account,
            // else to finish what an earlier call began
            leave(username, administrator);
            boolean notedAlready = municipality.equals(first) && disabledNow[0];
            if (!notedAlready && (disabledNow[0] || !accounts.disabledNoted(username))) {
                accounts.noteDisabled(username, administrator);
            }
        });
    }

    /**
     * Gives the account a new password, shown once to the administrator who hands it over, and
     * enables it if it was disabled: a person who forgot their password, or one who comes back to
     * the cooperative's municipalities. Its roles are as they were; API keys revoked when it was
     * disabled stay revoked (issue new ones). The holder of a person's account chooses a password of
     * their own at the first sign-in ({@link UserAccounts#givePassword}).
     *
     * <p>The password is given in a transaction of the first municipality the account works for, and
     * recorded in its log; each further municipality's log records it after, and one that cannot is
     * named in the answer (the password is given). An account that works for none, such as another
     * platform administrator, is recorded in the platform's log. An administrator gives their own
     * account no password: they choose one on their account page.
     */
    PasswordGiven givePassword(String username, String administrator) {
        if (username.equalsIgnoreCase(administrator)) {
            throw new OnboardingRefused(
                    OnboardingRefused.Kind.INVALID,
                    "username",
                    new Phrase(
                            "Gebruikersnaam: uw eigen wachtwoord kiest u zelf, op de pagina Wachtwoord kiezen.",
                            "User name: you choose your own password yourself, on the page Choose your password."));
        }
        List<String> municipalities = accounts.municipalitiesOf(username);
        UserAccounts.GivenPassword[] given = new UserAccounts.GivenPassword[1];
        Runnable give = () -> given[0] = transaction.execute(status -> accounts.givePassword(username, administrator));
        if (municipalities.isEmpty()) {
            notFoundIfRefused(() -> Municipality.runForPlatform(give));
            return new PasswordGiven(given[0], List.of());
        }
        notFoundIfRefused(() -> Municipality.run(municipalities.get(0), give));
        List<String> unfinished = inEach(
                municipalities.subList(1, municipalities.size()),
                username + " given a password",
                municipality -> accounts.notePasswordGiven(username, administrator, given[0].enabledAgain()));
        return new PasswordGiven(given[0], unfinished);
    }

    /**
     * Does the work in a transaction of each municipality in turn: one whose part fails does not
     * stop the others, and is logged and returned, to be named to the administrator.
     */
    private List<String> inEach(List<String> municipalities, String done, Consumer<String> work) {
        List<String> failed = new ArrayList<>();
        for (String municipality : municipalities) {
            try {
                Municipality.run(
                        municipality, () -> transaction.executeWithoutResult(status -> work.accept(municipality)));
            } catch (RuntimeException failure) {
                log.error("{}, but not finished in {}: {}", done, municipality, failure.toString());
                failed.add(municipality);
            }
        }
        return failed;
    }

    /** A password given, and the municipalities whose log could not record it. */
    record PasswordGiven(UserAccounts.GivenPassword given, List<String> unrecorded) {}

    /** What an administrator is told when {@link #givePassword} could not record it everywhere. */
    static Phrase unrecordedMessage(String username, List<String> unrecorded) {
        return Phrase.of(
                "Account {0} heeft een nieuw wachtwoord, maar het logboek van gemeente {1} vermeldt dat nog niet. Geef"
                        + " het account opnieuw een wachtwoord: dan vermeldt elk logboek het.",
                "Account {0} has a new password, but the log of municipality {1} does not say so yet. Give the account"
                        + " a password again: then every log says so.",
                username,
                String.join(", ", unrecorded));
    }

    /** What an administrator is told when {@link #disable} could not finish everywhere. */
    static Phrase unfinishedMessage(String username, List<String> unfinished) {
        return Phrase.of(
                "Account {0} is uitgeschakeld, maar in gemeente {1} zijn de API-sleutels en opgepakte taken nog niet"
                        + " afgehandeld. Schakel het opnieuw uit om dat af te ronden.",
                "Account {0} is disabled, but in municipality {1} its API keys and claimed tasks are not dealt with"
                        + " yet. Disable it again to finish that.",
                username,
                String.join(", ", unfinished));
    }

    private static void notFoundIfRefused(Runnable work) {
        try {
            work.run();
        } catch (AccountRefused refused) {
            throw new OnboardingRefused(OnboardingRefused.Kind.NOT_FOUND, refused);
        }
    }

    /** In the current municipality: the account's API keys revoked, the tasks it held given back. */
    private void leave(String username, String administrator) {
        apiKeys.revokeAllOf(username, administrator);
        reviewTasks.releaseAllOf(username);
    }

    private MunicipalityRow existing(String cbsCode) {
        return municipality(cbsCode).orElseThrow(() -> OnboardingRefused.noMunicipality(cbsCode));
    }

    private Optional<OnboardingRefused.Problem> duplicateOf(String code, String name) {
        List<String> sameCode =
                jdbc.queryForList("select name from municipalities where cbs_code = ?", String.class, code);
        if (!sameCode.isEmpty()) {
            return Optional.of(new OnboardingRefused.Problem(
                    "cbsCode",
                    Phrase.of(
                            "CBS-code: gemeente {0} bestaat al ({1}).",
                            "CBS code: municipality {0} exists already ({1}).", code, sameCode.get(0))));
        }
        List<String> sameName = jdbc.queryForList(
                "select cbs_code from municipalities where lower(name) = lower(?)", String.class, name);
        if (!sameName.isEmpty()) {
            return Optional.of(new OnboardingRefused.Problem(
                    "name",
                    Phrase.of(
                            "Naam: er is al een gemeente {0} (CBS-code {1}).",
                            "Name: there is already a municipality {0} (CBS code {1}).", name, sameName.get(0))));
        }
        return Optional.empty();
    }

    /** The roles named that exist; a caller compares sizes to find unknown names. */
    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    private static boolean allKnown(List<String> names, Set<Role> roles) {
        return names == null || names.stream().distinct().count() == roles.size();
    }

    private static OnboardingRefused.Problem unknownRoles() {
        return new OnboardingRefused.Problem(
                "roles",
                new Phrase(
                        "Rollen: kies uit POLICY_OFFICER, REVIEWER, SCHEDULER, AUDITOR, INTAKE en MONITORING.",
                        "Roles: choose from POLICY_OFFICER, REVIEWER, SCHEDULER, AUDITOR, INTAKE and MONITORING."));
    }
}
