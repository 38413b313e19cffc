package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shipped label's content never changes (the hashes of {@code shipped-content-hashes.properties}):
 * a change to a shared table, schema or rule file shows here first, before a database that
 * recorded the label refuses to start.
 */
class ShippedContentTests {

    @Test
    void everyShippedVersionKeepsTheContentItWasShippedWith() throws IOException {
        Properties recorded = new Properties();
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("regulation/shipped-content-hashes.properties")) {
            recorded.load(in);
        }
        TreeMap<String, String> now = new TreeMap<>();
        new RegulationCatalog(JsonMapper.builder().build())
                .shipped()
                .forEach(ruleSet -> now.put(ruleSet.version(), ruleSet.contentHash()));
        TreeMap<String, String> expected = new TreeMap<>();
        recorded.forEach((label, hash) -> expected.put((String) label, (String) hash));

        assertThat(now)
                .as("add a new label with its hash to shipped-content-hashes.properties; never change one")
                .containsAllEntriesOf(expected)
                .containsOnlyKeys(expected.keySet());
    }
}
