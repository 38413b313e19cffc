package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A number with more digits or a larger exponent than any amount or count has is refused at any
 * depth, naming where it is: a case taken in unchecked (its regulation could not start) has no
 * schema to bound it, and {@code 1e-16000} would be stored as sixteen thousand digits.
 */
class LongNumbersTests {

    /** As the engine reads an application (JsonSettings): decimals exactly as sent. */
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private List<String> refusedFields(String application) {
        List<FieldError> errors = new ArrayList<>();
        ApplicationReader.numbers(json.readTree(application), "", errors);
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aNumberNoAmountHasIsRefusedWhereverItIs() {
        assertThat(refusedFields("{\"vehicleHeight\": 1e-16000}")).containsExactly("vehicleHeight");
        assertThat(refusedFields("{\"household\": {\"members\": [{\"income\": 1}, {\"income\": 1e16000}]}}"))
                .containsExactly("household.members[1].income");
        assertThat(refusedFields("{\"incomes\": [12345678901234567890123.5]}")).containsExactly("incomes[0]");
    }

    @Test
    void amountsAndCountsAreKept() {
        assertThat(refusedFields("{\"netIncome\": 1680.00, \"age\": 41, \"nested\": [{\"x\": 0.0001}], \"b\": null}"))
                .isEmpty();
    }
}
