package nl.beslisstraat.engine.norms;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The norm table as the product keeps it: versions in PostgreSQL, in force by reference date.
 * On a fresh database the bundled version is stored first, so that decisions are reproducible
 * from the database alone.
 */
@Service
public class NormTable {

    private final NormStore store;
    private final NormCatalog catalog;
    private final AuditLog audit;
    private final JsonMapper json;

    NormTable(NormStore store, NormCatalog catalog, AuditLog audit, JsonMapper json) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Adds a version read from an officer's CSV. Refused, with every problem named, when the
     * table is invalid or the label or effective date is taken; then nothing changes.
     */
    @Transactional
    public NormVersion addVersion(String version, LocalDate effectiveFrom, String note, Reader csv, String actor) {
        List<String> problems = new ArrayList<>();
        if (version == null || !version.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,39}")) {
            problems.add("version: '" + version + "' is not a label such as 2027.1");
        }
        if (effectiveFrom == null) {
            problems.add("effectiveFrom: a date such as 2027-01-01 is required");
        }
        for (NormVersion existing : catalog.versions()) {
            if (existing.version().equals(version)) {
                problems.add("version: " + version + " exists already; versions are never changed, add a new one");
            }
            if (existing.effectiveFrom().equals(effectiveFrom)) {
                problems.add(
                        "effectiveFrom: version " + existing.version() + " is already in force from " + effectiveFrom);
            }
        }
        List<NormAmount> amounts;
        try {
            amounts = NormTableReader.read(csv);
        } catch (InvalidNormTable invalid) {
            problems.addAll(invalid.problems());
            amounts = List.of();
        }
        if (!problems.isEmpty()) {
            throw new InvalidNormTable(problems);
        }
        NormVersion added = new NormVersion(version, effectiveFrom, note, amounts);
        store.insert(added, actor);
        audit.appendAll(List.of(new AuditEntry(
                actor,
                "NORM_VERSION_ADDED",
                "norm-table",
                version,
                json.writeValueAsString(Map.of("effectiveFrom", effectiveFrom.toString(), "rows", amounts.size())))));
        catalog.add(added);
        return added;
    }

    @Configuration(proxyBeanMethods = false)
    static class Catalog {

        @Bean
        NormCatalog normCatalog(NormStore store, AuditLog audit) {
            List<NormVersion> versions = store.all();
            if (versions.isEmpty()) {
                NormVersion bundled = NormCatalog.bundled();
                store.insert(bundled, "system");
                audit.appendAll(List.of(new AuditEntry(
                        "system", "NORM_VERSION_ADDED", "norm-table", bundled.version(), "{\"source\": \"bundled\"}")));
                versions = List.of(bundled);
            }
            return new NormCatalog(versions);
        }
    }
}
