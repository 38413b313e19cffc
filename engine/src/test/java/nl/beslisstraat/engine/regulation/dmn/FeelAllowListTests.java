package nl.beslisstraat.engine.regulation.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.dmn.feel.lang.Type;
import org.kie.dmn.feel.lang.types.BuiltInType;

/** The FEEL allow-list on single expressions, in a model with a few inputs, a decision and a knowledge model. */
class FeelAllowListTests {

    private static final Map<String, Type> NAMES = Map.of(
            "zone", BuiltInType.UNKNOWN,
            "vehicle length", BuiltInType.UNKNOWN,
            "referenceDate", BuiltInType.UNKNOWN,
            "Base fee", BuiltInType.UNKNOWN,
            "surcharge", BuiltInType.UNKNOWN);

    private static final FeelScope.Model MODEL = new FeelScope.Model() {
        @Override
        public FeelCost value(String name) {
            return name.equals("zone") || name.equals("vehicle length") || name.equals("referenceDate")
                    ? FeelCost.ONE
                    : name.equals("Base fee") ? FeelCost.of(5) : null;
        }

        @Override
        public FeelScope.Invocable invocable(String name) {
            return name.equals("surcharge")
                    ? new FeelScope.Invocable(
                            name, List.of("fee"), FeelCost.parameter("fee").plus(3))
                    : null;
        }
    };

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"REJECTED\"",
                "null",
                "-12.50",
                "true and not(false)",
                "vehicle length > 6.00 or zone = \"A\"",
                "if zone in (\"A\", \"B\") then Base fee * 1.5 else Base fee",
                "referenceDate >= date(\"2026-07-01\") and referenceDate < @\"2027-01-01\"",
                "years and months duration(date(\"2020-01-01\"), referenceDate).years >= 18",
                "string length(upper case(zone)) = 1",
                "substring(zone, 1, 1) = \"A\"",
                "contains(zone, \"A\") or starts with(zone, \"B\") or ends with(zone, \"C\")",
                "decimal(Base fee * 1.21, 2)",
                "min(1, 2, 3) + max([4, 5]) + sum([1, 2]) + count([1]) + abs(-1) + floor(1.5) + ceiling(1.5)",
                "list contains([\"A\", \"B\"], zone)",
                "day of week(referenceDate) = \"Monday\"",
                "{a: 1, b: a + 1}.b",
                "[1, 2, 3][1]",
                "vehicle length between 2 and 6",
                "zone instance of string",
                "surcharge(Base fee)",
                "surcharge(fee: 10)",
                "upper case(string: zone)"
            })
    void allows(String expression) {
        assertThat(problems(expression, false)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"-", "\"A\"", "not(\"A\", \"B\")", "> 6.00", "[1..5)", "false, null", "? > 3", ">= Base fee"})
    void allowsUnaryTests(String tests) {
        assertThat(problems(tests, true)).as(tests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{f: function(c: number) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}}.f(0)",
                "function(x) x",
                "for i in 1..10 return i",
                "for my counter in 1..10 return my counter",
                "some x in [1] satisfies x > 0",
                "every x in [1] satisfies x > 0",
                "[1, 2, 3][item > 1]",
                "matches(zone, \"(a+)+$\")",
                "replace(zone, \"a\", \"b\")",
                "split(zone, \",\")",
                "today()",
                "now()",
                "sort([3, 1])",
                "string join([\"a\"], \",\")",
                "10 ** 3",
                "userHome",
                "count",
                "zone(1)",
                "surcharge",
                "(function(x) x)(1)",
                "{a: 1}.a(1)",
                "\"unterminated",
            })
    void refuses(String expression) {
        assertThat(problems(expression, false)).as(expression).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"matches(?, \"(a+)+$\")", "function(x) x", "some x in ? satisfies x > 1"})
    void refusesInUnaryTests(String tests) {
        assertThat(problems(tests, true)).as(tests).isNotEmpty();
    }

    @Test
    void boundsLiteralsListsAndNesting() {
        assertThat(problems("\"" + "x".repeat(1_001) + "\"", false))
                .singleElement()
                .asString()
                .contains("1001 tekens");
        assertThat(problems("\"" + "x".repeat(1_000) + "\"", false)).isEmpty();
        assertThat(problems("1".repeat(41), false)).singleElement().asString().contains("meer dan 40 cijfers");
        assertThat(problems("count([" + "1, ".repeat(100) + "1])", false))
                .singleElement()
                .asString()
                .contains("101");
        assertThat(problems("(".repeat(31) + "1" + ")".repeat(31), false))
                .singleElement()
                .asString()
                .contains("haakjes");
        assertThat(problems("1" + " + 1".repeat(60), false))
                .singleElement()
                .asString()
                .contains("niveaus");
        assertThat(problems("x".repeat(10_001), false))
                .singleElement()
                .asString()
                .contains("10001 tekens");
    }

    @Test
    void aCallCostsItsBodyWithTheArgumentsFilledIn() {
        long small = cost("surcharge(1)");
        assertThat(cost("surcharge(Base fee)")).isGreaterThanOrEqualTo(small + 5); // Base fee weighs 5, a number 1
        assertThat(cost("surcharge(surcharge(1))")).isGreaterThan(2 * small - 2);
    }

    private static long cost(String expression) {
        return FeelAllowList.expression(expression, FeelScope.of(MODEL), NAMES, problem -> {
                    throw new AssertionError(problem);
                })
                .size();
    }

    private static List<String> problems(String text, boolean unaryTests) {
        List<String> problems = new ArrayList<>();
        if (unaryTests) {
            FeelAllowList.unaryTests(text, FeelScope.of(MODEL), NAMES, problem -> problems.add(problem.nl()));
        } else {
            FeelAllowList.expression(text, FeelScope.of(MODEL), NAMES, problem -> problems.add(problem.nl()));
        }
        return problems;
    }
}
