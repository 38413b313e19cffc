package nl.beslisstraat.engine.tenancy;

/**
 * A signed-in caller that works for one municipality with fixed roles there, whatever else its
 * account may do: an e-service's API key. {@link MunicipalityFilter} takes the municipality and the
 * roles from it as they are, instead of reading the account's memberships for the request; the
 * credential was checked against them when it was verified.
 */
public interface BoundToMunicipality {

    /** The municipality the caller works for, with its roles there. */
    Memberships.Membership membership();
}
