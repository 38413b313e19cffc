package nl.beslisstraat.batch;

import nl.beslisstraat.engine.DecisionEngineConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Runs the nightly decisions from the command line; see {@link NightlyRunCommand}
 * for the options. The exit code is 0 when the run completed, 1 when it did not.
 */
@SpringBootApplication
@Import(DecisionEngineConfiguration.class)
public class NightlyDecisionsApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(NightlyDecisionsApplication.class, args)));
    }
}
