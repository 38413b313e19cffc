package nl.beslisstraat.batch.nightly;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * A run for one municipality names one that exists. A mistyped code would otherwise make a run that
 * finds an empty queue (row-level security shows no row for a code no row has) and completes, while
 * the municipality's real queue waits for a night nobody scheduled.
 */
class KnownMunicipality implements JobParametersValidator {

    private final NightlyRuns runs;

    KnownMunicipality(NightlyRuns runs) {
        this.runs = runs;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        check(parameters.getString(NightlyDecisionsJobConfiguration.MUNICIPALITY));
    }

    /** Refuses {@code code} unless it is {@code null} (every municipality) or a row of {@code municipalities}. */
    void check(String code) throws InvalidJobParametersException {
        if (code == null) {
            return;
        }
        Map<String, String> known = runs.municipalities();
        if (!known.containsKey(code)) {
            throw new InvalidJobParametersException("Unknown municipality '" + code
                    + "': no municipality has that CBS code (known: "
                    + known.entrySet().stream()
                            .map(municipality -> municipality.getKey() + " " + municipality.getValue())
                            .collect(Collectors.joining(", "))
                    + "). Nothing was run.");
        }
    }
}
