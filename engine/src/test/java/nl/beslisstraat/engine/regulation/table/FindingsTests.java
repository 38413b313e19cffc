package nl.beslisstraat.engine.regulation.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import nl.beslisstraat.rules.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A finding names an outcome as every other page does, in the page's language. */
class FindingsTests {

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void anOutcomeReadsAsThePagesLabelIt(Outcome outcome) throws IOException {
        String label = "outcome." + outcome.name();

        assertThat(Findings.inWords(outcome).nl())
                .isEqualTo(bundle("messages.properties").getProperty(label).toLowerCase(Locale.ROOT));
        assertThat(Findings.inWords(outcome).en())
                .isEqualTo(bundle("messages_en.properties").getProperty(label).toLowerCase(Locale.ROOT));
    }

    private static Properties bundle(String name) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = FindingsTests.class.getResourceAsStream("/" + name)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
