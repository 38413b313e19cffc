package nl.beslisstraat.engine.regulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.regulation.table.TableTemplate;

/**
 * What a regulation's {@code regulation.json} says: which case type it decides, its declared
 * application type, input schema, example cases, legal decision deadline, the norms its rules
 * read, and its rule-set versions, each with the date from which it is in force.
 *
 * @param folder classpath folder of the regulation, which is also its DRL package
 * @param facts DRL files shared by all versions: the declared application type
 * @param amounts the names of the amounts an outcome can set (part of the public contract)
 * @param dates the names of the dates an outcome can set
 * @param decisionTable the layout and column types of the regulation's decision table, which
 *     every version's table (shipped or uploaded) is read into
 */
public record RegulationDescriptor(
        String folder,
        String caseType,
        Map<String, String> name,
        String factType,
        List<String> facts,
        String inputSchema,
        String exampleCases,
        DecisionDeadline decisionDeadline,
        List<NormBinding> norms,
        List<String> amounts,
        List<String> dates,
        TableTemplate decisionTable,
        List<Version> versions) {

    /** One version of the rules, in force from its effective date until the next version's. */
    public record Version(String version, LocalDate effectiveFrom, List<String> rules, String note) {}

    /**
     * A field of the application fact filled from the norm table, with the amount of {@code norm}
     * whose key columns (such as householdType, pensionAge) match the application's fields.
     */
    public record NormBinding(String field, String norm) {}

    RegulationDescriptor inFolder(String folder) {
        return new RegulationDescriptor(
                folder,
                caseType,
                name,
                factType,
                facts == null ? List.of() : facts,
                inputSchema,
                exampleCases,
                decisionDeadline,
                norms == null ? List.of() : norms,
                amounts == null ? List.of() : amounts,
                dates == null ? List.of() : dates,
                decisionTable,
                versions);
    }

    public String resource(String file) {
        return folder + "/" + file;
    }

    /** The package of the declared application type, which the generated rules share. */
    public String factPackage() {
        return factType.substring(0, factType.lastIndexOf('.'));
    }

    public String factTypeName() {
        return factType.substring(factType.lastIndexOf('.') + 1);
    }
}
