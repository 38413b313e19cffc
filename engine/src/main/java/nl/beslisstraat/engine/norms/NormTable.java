package nl.beslisstraat.engine.norms;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.database.AfterCommit;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The norm table as the product keeps it: versions in PostgreSQL, in force by reference date.
 * On a fresh database the bundled version is stored first, so that decisions are reproducible
 * from the database alone. A version gets here only by four-eyes approval (the authoring
 * feature); this class checks, stores and puts it in force, or takes it out of force again.
 */
@Service
public class NormTable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NormTable.class);
    private static final String LABEL = "[0-9A-Za-z][0-9A-Za-z._-]{0,39}";

    private final NormStore store;
    private final NormCatalog catalog;
    private final NormDefinitions definitions = NormDefinitions.bundled();

    NormTable(NormStore store, NormCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * Reads an officer's CSV for a new version with the given label, each amount within its
     * norm's plausible range. Every problem is named (line and column, or the label); nothing is
     * stored either way.
     */
    public List<NormAmount> check(String version, Reader csv) {
        List<Phrase> problems = new ArrayList<>();
        if (version == null || !version.matches(LABEL)) {
            problems.add(Phrase.of(
                    "version: '{0}' is geen versienummer zoals 2027.1",
                    "version: '{0}' is no version number such as 2027.1", version));
        } else if (catalog.knows(version)) {
            problems.add(Phrase.of(
                    "version: {0} bestaat al; een versie wordt nooit gewijzigd, kies een nieuw nummer",
                    "version: {0} exists already; a version is never changed, choose a new number", version));
        }
        List<NormAmount> amounts = List.of();
        try {
            amounts = NormTableReader.read(csv, definitions);
        } catch (InvalidNormTable invalid) {
            problems.addAll(invalid.phrases());
        }
        if (!problems.isEmpty()) {
            throw new InvalidNormTable(problems);
        }
        return amounts;
    }

    /**
     * Puts an approved version in force from its effective date, for every case decided after this
     * call and for the next nightly run (which reads the table at start). Refused when another
     * version is already in force from that date.
     */
    @Transactional
    public NormVersion activate(NormVersion version, String author, String approver) {
        store.lockVersions();
        String municipality = Municipality.current().orElse(null);
        for (String existing : store.inForceFrom(municipality, version.effectiveFrom())) {
            throw new InvalidNormTable(List.of(Phrase.of(
                    "effectiveFrom: versie {0} geldt al vanaf {1}; kies een andere ingangsdatum",
                    "effectiveFrom: version {0} applies from {1} already; choose another effective date",
                    existing,
                    Phrase.date(version.effectiveFrom()))));
        }
        store.insert(version, municipality, author, approver);
        AfterCommit.run(() -> catalog.add(version));
        return version;
    }

    /** Takes a version that has not yet taken effect out of force; it stays known for recomputing. */
    @Transactional
    public void withdraw(String version, String officer) {
        NormVersion withdrawn = catalog.version(version);
        store.withdraw(version, officer);
        AfterCommit.run(() -> catalog.withdraw(withdrawn));
    }

    public static String csv(NormVersion version) {
        return NormTableWriter.write(version);
    }

    @Configuration(proxyBeanMethods = false)
    static class Catalog {

        @Bean
        NormCatalog normCatalog(NormStore store, AuditLog audit) {
            List<NormVersion> versions = store.all();
            if (versions.isEmpty()) {
                NormVersion bundled = NormCatalog.bundled();
                store.insert(bundled, null, "system", null);
                // norm versions are the platform's, not yet a municipality's: the
                // entry is kept in the default municipality's audit log until there is a platform log
                Municipality.run(
                        Municipality.DEFAULT,
                        () -> audit.appendAll(List.of(new AuditEntry(
                                "system",
                                "NORM_VERSION_ADDED",
                                "norm-table",
                                bundled.version(),
                                "{\"source\": \"bundled\"}"))));
                versions = List.of(bundled);
            }
            List<String> differing = store.fillContentHashes(versions);
            if (!differing.isEmpty()) {
                // decisions that named these versions will refuse to recompute, by name
                log.error("Norm versions whose amounts no longer give their recorded hash: {}", differing);
            }
            return new NormCatalog(versions, store.withdrawn(), store.owners());
        }
    }
}
