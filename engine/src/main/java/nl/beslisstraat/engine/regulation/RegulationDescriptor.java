package nl.beslisstraat.engine.regulation;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * What a regulation's {@code regulation.json} says: which case type it decides, from when, with
 * which rule resources, input schema and example cases, and the legal decision deadline.
 *
 * @param folder classpath folder of the regulation, which is also its DRL package
 */
public record RegulationDescriptor(
        String folder,
        String caseType,
        Map<String, String> name,
        String ruleSetVersion,
        LocalDate effectiveFrom,
        String factType,
        List<String> rules,
        String inputSchema,
        String exampleCases,
        Period decisionDeadline) {

    RegulationDescriptor inFolder(String folder) {
        return new RegulationDescriptor(
                folder,
                caseType,
                name,
                ruleSetVersion,
                effectiveFrom,
                factType,
                rules,
                inputSchema,
                exampleCases,
                decisionDeadline);
    }

    /** The DRL package, by convention the same as the folder. */
    public String drlPackage() {
        return folder.replace('/', '.');
    }

    public String resource(String file) {
        return folder + "/" + file;
    }
}
