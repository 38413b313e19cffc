package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application holds only text the database keeps exactly as sent: a NUL character or half of a
 * surrogate pair, in any name or value at any depth, is refused naming where it is.
 */
class StorableTextTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private List<String> refusedFields(String application) {
        List<FieldError> errors = new ArrayList<>();
        ApplicationReader.storable(json.readTree(application), "", errors);
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void textThatPostgresqlCannotStoreIsRefusedWhereverItIs() {
        assertThat(refusedFields("{\"remark\": \"a\\u0000b\"}")).containsExactly("remark");
        assertThat(refusedFields("{\"household\": {\"members\": [\"x\", \"\\u0000\"]}}"))
                .containsExactly("household.members[1]");
        assertThat(refusedFields("{\"na\\u0000me\": 1}")).containsExactly("na\u0000me");
        assertThat(refusedFields("{\"high\": \"\\ud800\", \"low\": \"x\\udc00\", \"swapped\": \"\\udc00\\ud800\"}"))
                .containsExactly("high", "low", "swapped");
    }

    @Test
    void everyOtherTextIsKept() {
        assertThat(refusedFields("{\"name\": \"Zoë 🚲\", \"pair\": \"\\ud83d\\udeb2\", \"empty\": \"\","
                        + " \"control\": \"tab\\there\", \"nested\": [{\"deep\": \"ok\"}], \"n\": 4.5, \"b\": null}"))
                .isEmpty();
    }
}
