package nl.beslisstraat.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link JsonbText} against PostgreSQL itself: random JSON values, as plain Java values and sent as JSON text, read back
 * as the database writes them as jsonb text, with and without {@code jsonb_strip_nulls}. A chain
 * link the engine computes is only right if these agree on every value it can meet.
 */
@SpringBootTest
class JsonbTextIntegrationTests extends DatabaseIntegrationTest {

    /** Keys of every length class and byte order PostgreSQL's key order tells apart. */
    private static final String[] KEYS = {
        "a",
        "b",
        "z",
        "A",
        "aa",
        "ab",
        "é",
        "ë",
        "€",
        "€a",
        "😀",
        "nl",
        "en",
        "id",
        "case_id",
        "reasons",
        "a b",
        "key\"quote",
        "back\\slash",
        "tab\t",
        "\u0001",
        "ﬀ",
        "\uffff",
        "longer_key_name"
    };

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void writesEveryValueAsPostgresWritesItsJsonb() {
        Random random = new Random(20261201);
        for (int i = 0; i < 1_500; i++) {
            JsonNode value = value(random, 0);
            String sent = json.writeValueAsString(value);

            String[] written = jdbc.queryForObject(
                    "select ?::jsonb::text, jsonb_strip_nulls(?::jsonb)::text",
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                    sent,
                    sent);

            Object plain = json.treeToValue(value, Object.class);
            assertThat(JsonbText.of(plain)).as("%s", sent).isEqualTo(written[0]);
            assertThat(JsonbText.strippedOf(plain)).as("stripped %s", sent).isEqualTo(written[1]);
        }
    }

    @Test
    void putsAnObjectTogetherFromWrittenValuesAsJsonbStripNullsWritesIt() {
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            ObjectNode object = json.createObjectNode();
            JsonbText.StrippedObject assembled = new JsonbText.StrippedObject();
            for (int m = random.nextInt(12); m > 0; m--) {
                String key = KEYS[random.nextInt(KEYS.length)] + m; // each key once, as a row's columns
                JsonNode value = value(random, 1);
                object.set(key, value);
                switch (value.getNodeType()) {
                    case STRING -> assembled.text(key, value.stringValue());
                    case NUMBER -> assembled.number(key, value.longValue());
                    case BOOLEAN -> assembled.bool(key, value.booleanValue());
                    default -> {
                        Object plain = json.treeToValue(value, Object.class);
                        assembled.json(key, plain, JsonbText.of(plain));
                    }
                }
            }
            String sent = json.writeValueAsString(object);

            assertThat(assembled.toString())
                    .as("%s", sent)
                    .isEqualTo(jdbc.queryForObject("select jsonb_strip_nulls(?::jsonb)::text", String.class, sent));
        }
    }

    @Test
    void writesDatesAndMomentsAsToJsonbDoesInUtc() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            long micros = random.nextLong(-30_000_000_000_000_000L, 250_000_000_000_000_000L);
            if (i % 5 == 0) {
                micros -= micros % 1_000_000; // whole seconds, which have no fraction
            }
            OffsetDateTime moment = OffsetDateTime.ofInstant(
                    java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS),
                    ZoneOffset.ofHours(random.nextInt(-12, 13)));
            String[] written = jdbc.queryForObject(
                    "select to_jsonb(?::timestamptz) #>> '{}', to_jsonb(?::date) #>> '{}'"
                            + " from (select set_config('TimeZone', 'UTC', true)) utc",
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                    moment.toString(),
                    moment.toLocalDate().toString());

            assertThat(JsonbText.timestamp(moment)).as("%s", moment).isEqualTo(written[0]);
            assertThat(JsonbText.date(moment.toLocalDate())).isEqualTo(written[1]);
        }
    }

    @Test
    void refusesWhatItWouldNotWriteAsPostgresDoes() {
        assertThatThrownBy(() -> JsonbText.of(List.of(new BigDecimal("1.50"))))
                .isInstanceOf(JsonbText.NotRenderable.class);
        assertThatThrownBy(() -> JsonbText.of(Map.of("when", LocalDate.of(2026, 12, 1))))
                .isInstanceOf(JsonbText.NotRenderable.class);
        assertThatThrownBy(() -> JsonbText.date(LocalDate.of(10_000, 1, 1)))
                .isInstanceOf(JsonbText.NotRenderable.class);
        assertThatThrownBy(() -> JsonbText.of("lone \ud800 surrogate")).isInstanceOf(JsonbText.NotRenderable.class);
    }

    private JsonNode value(Random random, int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> {
                ObjectNode object = json.createObjectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(KEYS[random.nextInt(KEYS.length)], value(random, depth + 1));
                }
                yield object;
            }
            case 1 -> {
                ArrayNode array = json.createArrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
            case 2 -> json.getNodeFactory().textNode(text(random));
            case 3 -> json.getNodeFactory().numberNode(random.nextBoolean() ? random.nextLong() : random.nextInt(100));
            case 4 -> json.getNodeFactory().booleanNode(random.nextBoolean());
            default -> json.getNodeFactory().nullNode();
        };
    }

    /** Text from every class of character escape_json treats differently, NUL aside (jsonb refuses it). */
    private static String text(Random random) {
        String[] pieces = {
            "a", " ", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0001", "\u001f", "\u007f", "é", "€", "\u2028",
            "😀", "ĳ", "'", "<", "&", "0", "\u00a0"
        };
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
