package nl.beslisstraat.engine.security;

import java.util.List;
import nl.beslisstraat.engine.tenancy.BoundToMunicipality;
import nl.beslisstraat.engine.tenancy.Memberships;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request signed with a verified API key: the e-service's account name (so its cases are recorded
 * and read back as that client's, as with its password), the municipality the key is bound to, and
 * the role INTAKE there and nothing else, whatever else the account holds. Holds no secret.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken implements BoundToMunicipality {

    private final String client;
    private final String keyId;
    private final Memberships.Membership membership;

    ApiKeyAuthentication(String client, String keyId, String municipality, String municipalityName) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + Role.INTAKE.name())));
        this.client = client;
        this.keyId = keyId;
        this.membership = new Memberships.Membership(municipality, municipalityName, List.of(Role.INTAKE.name()));
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return client;
    }

    /** The key's id, no secret. */
    String keyId() {
        return keyId;
    }

    @Override
    public Memberships.Membership membership() {
        return membership;
    }
}
