package nl.beslisstraat.engine.security;

/** The roles of DOMAIN.md, plus the e-services that submit applications. */
public enum Role {
    /** Beleidsmedewerker: rules and norms. */
    POLICY_OFFICER,
    /** Behandelaar: decides escalated cases. */
    REVIEWER,
    /** Functioneel beheer: plans and watches nightly runs. */
    SCHEDULER,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** An e-service that submits applications and reads their status. */
    INTAKE
}
