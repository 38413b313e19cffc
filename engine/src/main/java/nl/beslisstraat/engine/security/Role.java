package nl.beslisstraat.engine.security;

/**
 * The roles of DOMAIN.md, plus the e-services that submit applications and the platform
 * administrator. All but the last are held per municipality: an account may be a reviewer in one
 * municipality and an auditor in another, and a request has the roles of the municipality it works
 * for only.
 */
public enum Role {
    /** Beleidsmedewerker: rules and norms. */
    POLICY_OFFICER,
    /** Behandelaar: decides escalated cases. */
    REVIEWER,
    /** Functioneel beheer: plans and watches nightly runs. */
    SCHEDULER,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** An e-service that submits applications and reads their status; bound to one municipality. */
    INTAKE,
    /**
     * A machine account of a municipality (its Prometheus) that reads that municipality's
     * operations metrics and nothing else: no cases, decisions, review tasks or audit log.
     */
    MONITORING,
    /**
     * Platformbeheerder: onboards municipalities and their first accounts. Works for no
     * municipality, so it never reads a municipality's cases, decisions, review tasks or audit log.
     */
    PLATFORM_ADMIN;

    /** Whether this role is held in a municipality (all but the platform administrator's). */
    public boolean municipal() {
        return this != PLATFORM_ADMIN;
    }
}
