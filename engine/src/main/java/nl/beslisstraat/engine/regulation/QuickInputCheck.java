package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * A quick first look at an input against its JSON Schema, for the one question the nightly run
 * asks a million times: is this input plainly valid? The general validator answers it too, but
 * walks its own machinery per keyword per field; this check is compiled once into plain Java
 * tests for the keywords our schemas use.
 *
 * <p>It only ever says "valid" when the input is valid by JSON Schema 2020-12 under any reading
 * the general validator could take: where the two might differ (a number written as 1.0 where an
 * integer is asked, a string whose length depends on counting code points or UTF-16 units, a line
 * break where a pattern ends in {@code $}, a format), it answers "unknown", and so does every
 * input that is not plainly valid. {@link InputSchema} then asks the general validator, which
 * also names the problems. A schema with a keyword this check does not know gets no quick check
 * at all ({@link #compile} is empty), so a new regulation may use all of JSON Schema.
 *
 * <p>It looks at an application as it arrives, envelope and all: the envelope's fields (case type,
 * reference date), which the schema does not declare, are passed over at the top level as if they
 * were absent, so the nightly run does not copy every input without them first.
 */
final class QuickInputCheck {

    /** Three answers: surely valid, surely invalid, or a question for the general validator. */
    enum Verdict {
        VALID,
        INVALID,
        UNKNOWN;

        static Verdict of(boolean valid) {
            return valid ? VALID : INVALID;
        }
    }

    /** Keywords that only describe; they never make an input invalid. */
    private static final Set<String> ANNOTATIONS = Set.of(
            "$schema",
            "$id",
            "$comment",
            "$defs",
            "definitions",
            "title",
            "description",
            "examples",
            "default",
            "deprecated",
            "readOnly",
            "writeOnly");

    private static final int MAX_DEPTH = 32;

    private final Node root;

    private QuickInputCheck(Node root) {
        this.root = root;
    }

    /** The quick check of a schema, or none when the schema uses a keyword it does not know. */
    static Optional<QuickInputCheck> compile(JsonNode schema) {
        return compile(schema, Set.of());
    }

    /**
     * As {@link #compile(JsonNode)}, for inputs that may also hold the envelope's fields at the top
     * level: those are checked as if they were absent. A schema that names one of them at the top
     * level gets no quick check.
     */
    static Optional<QuickInputCheck> compile(JsonNode schema, Set<String> envelope) {
        try {
            return Optional.of(new QuickInputCheck(new Compiler(schema, envelope).node(schema, 0, true)));
        } catch (Unsupported unsupported) {
            return Optional.empty();
        }
    }

    Verdict check(JsonNode input) {
        return root.check(input);
    }

    /** One compiled schema: all its keywords' tests must hold. */
    @FunctionalInterface
    private interface Node {
        Verdict check(JsonNode value);
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final class Compiler {

        private final JsonNode root;
        private final Set<String> envelope;
        private final Map<String, Node> references = new HashMap<>();

        Compiler(JsonNode root, Set<String> envelope) {
            this.root = root;
            this.envelope = envelope;
        }

        /**
         * @param top whether the schema applies to the input itself, where the envelope's fields
         *     may be, rather than to one of its fields' values
         */
        Node node(JsonNode schema, int depth, boolean top) {
            if (depth > MAX_DEPTH) {
                throw new Unsupported();
            }
            if (schema.isBoolean()) {
                Verdict verdict = Verdict.of(schema.asBoolean());
                return value -> verdict;
            }
            if (!schema.isObject()) {
                throw new Unsupported();
            }
            List<Node> tests = new ArrayList<>();
            for (String keyword : schema.propertyNames()) {
                if (ANNOTATIONS.contains(keyword)) {
                    continue;
                }
                JsonNode argument = schema.path(keyword);
                switch (keyword) {
                    case "type" -> tests.add(type(argument));
                    case "enum" -> tests.add(oneOfValues(values(argument), top));
                    case "const" -> tests.add(oneOfValues(List.of(argument), top));
                    case "minimum" -> tests.add(bound(argument, sign -> sign >= 0));
                    case "maximum" -> tests.add(bound(argument, sign -> sign <= 0));
                    case "exclusiveMinimum" -> tests.add(bound(argument, sign -> sign > 0));
                    case "exclusiveMaximum" -> tests.add(bound(argument, sign -> sign < 0));
                    case "minLength" -> tests.add(minLength(count(argument)));
                    case "maxLength" -> tests.add(maxLength(count(argument)));
                    case "pattern" -> tests.add(pattern(argument));
                    case "format" -> tests.add(format(argument));
                    case "properties" -> tests.add(properties(argument, depth, top));
                    case "required" -> tests.add(required(argument, top));
                    case "additionalProperties" -> tests.add(additionalProperties(schema, argument, top));
                    case "$ref" -> tests.add(reference(argument, depth, top));
                    case "allOf" -> tests.add(allOf(all(argument, depth, top)));
                    case "anyOf" -> tests.add(anyOf(all(argument, depth, top)));
                    case "oneOf" -> tests.add(oneOf(all(argument, depth, top)));
                    case "not" -> tests.add(not(node(argument, depth + 1, top)));
                    case "if" -> tests.add(conditional(schema, depth, top));
                    case "then", "else" -> {
                        // part of "if"; without an "if" they are ignored, as the specification says
                    }
                    default -> throw new Unsupported();
                }
            }
            return allOf(tests);
        }

        private List<Node> all(JsonNode schemas, int depth, boolean top) {
            if (!schemas.isArray() || schemas.isEmpty()) {
                throw new Unsupported();
            }
            List<Node> nodes = new ArrayList<>();
            for (JsonNode schema : schemas) {
                nodes.add(node(schema, depth + 1, top));
            }
            return nodes;
        }

        private Node reference(JsonNode argument, int depth, boolean top) {
            String ref = argument.asString("");
            if (!ref.startsWith("#/")) {
                throw new Unsupported();
            }
            // compiled once for the top level and once for values, which differ in the envelope
            String key = (top ? "top " : "value ") + ref;
            Node known = references.get(key);
            if (known != null) {
                return known;
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new Unsupported();
            }
            // a placeholder first, so a schema that refers to itself compiles (and is checked to MAX_DEPTH)
            Node[] compiled = new Node[1];
            references.put(key, value -> compiled[0].check(value));
            compiled[0] = node(target, depth + 1, top);
            return compiled[0];
        }

        private Node conditional(JsonNode schema, int depth, boolean top) {
            Node condition = node(schema.path("if"), depth + 1, top);
            Node then = schema.has("then") ? node(schema.path("then"), depth + 1, top) : value -> Verdict.VALID;
            Node otherwise = schema.has("else") ? node(schema.path("else"), depth + 1, top) : value -> Verdict.VALID;
            return value -> switch (condition.check(value)) {
                case VALID -> then.check(value);
                case INVALID -> otherwise.check(value);
                case UNKNOWN -> Verdict.UNKNOWN;
            };
        }

        private Node properties(JsonNode argument, int depth, boolean top) {
            if (!argument.isObject()) {
                throw new Unsupported();
            }
            List<String> names = new ArrayList<>(argument.propertyNames());
            outsideEnvelope(names, top);
            Node[] fields = new Node[names.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = node(argument.path(names.get(i)), depth + 1, false);
            }
            String[] fieldNames = names.toArray(String[]::new);
            return value -> {
                if (!value.isObject()) {
                    return Verdict.VALID;
                }
                Verdict verdict = Verdict.VALID;
                for (int i = 0; i < fields.length; i++) {
                    JsonNode fieldValue = value.get(fieldNames[i]);
                    if (fieldValue != null) {
                        Verdict one = fields[i].check(fieldValue);
                        if (one == Verdict.INVALID) {
                            return one;
                        }
                        if (one == Verdict.UNKNOWN) {
                            verdict = one;
                        }
                    }
                }
                return verdict;
            };
        }

        /** A schema that speaks of an envelope field at the top level would see it where it is absent. */
        private void outsideEnvelope(List<String> fields, boolean top) {
            if (top && fields.stream().anyMatch(envelope::contains)) {
                throw new Unsupported();
            }
        }

        private Node required(JsonNode argument, boolean top) {
            List<String> fields = new ArrayList<>();
            for (JsonNode field : argument) {
                if (!field.isString()) {
                    throw new Unsupported();
                }
                fields.add(field.asString());
            }
            outsideEnvelope(fields, top);
            return value -> {
                if (!value.isObject()) {
                    return Verdict.VALID;
                }
                for (String field : fields) {
                    if (!value.has(field)) {
                        return Verdict.INVALID;
                    }
                }
                return Verdict.VALID;
            };
        }

        private Node additionalProperties(JsonNode schema, JsonNode argument, boolean top) {
            if (!argument.isBoolean()) {
                throw new Unsupported();
            }
            if (argument.asBoolean()) {
                return value -> Verdict.VALID;
            }
            if (schema.has("patternProperties")) {
                throw new Unsupported();
            }
            Set<String> declared = new HashSet<>(schema.path("properties").propertyNames());
            if (top) {
                declared.addAll(envelope);
            }
            return value -> {
                if (!value.isObject()) {
                    return Verdict.VALID;
                }
                for (String field : value.propertyNames()) {
                    if (!declared.contains(field)) {
                        return Verdict.INVALID;
                    }
                }
                return Verdict.VALID;
            };
        }

        private static Node type(JsonNode argument) {
            List<String> types = new ArrayList<>();
            if (argument.isString()) {
                types.add(argument.asString());
            } else if (argument.isArray()) {
                argument.forEach(type -> types.add(type.asString("")));
            } else {
                throw new Unsupported();
            }
            for (String type : types) {
                if (!Set.of("string", "integer", "number", "boolean", "null", "object", "array")
                        .contains(type)) {
                    throw new Unsupported();
                }
            }
            return value -> {
                Verdict verdict = Verdict.INVALID;
                for (String type : types) {
                    Verdict one = isOfType(value, type);
                    if (one == Verdict.VALID) {
                        return one;
                    }
                    if (one == Verdict.UNKNOWN) {
                        verdict = one;
                    }
                }
                return verdict;
            };
        }

        private static Verdict isOfType(JsonNode value, String type) {
            return switch (type) {
                case "string" -> Verdict.of(value.isString());
                case "boolean" -> Verdict.of(value.isBoolean());
                case "null" -> Verdict.of(value.isNull());
                case "object" -> Verdict.of(value.isObject());
                case "array" -> Verdict.of(value.isArray());
                case "number" -> Verdict.of(value.isNumber());
                // 1.0 is an integer to JSON Schema, but not to every validator's reading of it
                case "integer" ->
                    value.isIntegralNumber()
                            ? Verdict.VALID
                            : value.isNumber() && wholeNumber(value) ? Verdict.UNKNOWN : Verdict.INVALID;
                default -> Verdict.UNKNOWN;
            };
        }

        private static boolean wholeNumber(JsonNode number) {
            try {
                return number.decimalValue().stripTrailingZeros().scale() <= 0;
            } catch (RuntimeException notFinite) {
                return true;
            }
        }

        /** enum and const: equal values are plainly equal; numbers that differ only in form are left open. */
        private static List<JsonNode> values(JsonNode array) {
            if (!array.isArray()) {
                throw new Unsupported();
            }
            List<JsonNode> values = new ArrayList<>();
            array.forEach(values::add);
            return values;
        }

        private Node oneOfValues(List<JsonNode> allowed, boolean top) {
            if (top && !envelope.isEmpty()) {
                // the input as a whole equal to a value: the envelope would make it differ
                throw new Unsupported();
            }
            return value -> {
                for (JsonNode one : allowed) {
                    if (one.equals(value)) {
                        return Verdict.VALID;
                    }
                }
                return plainValue(value) ? Verdict.INVALID : Verdict.UNKNOWN;
            };
        }

        /** Strings, booleans and null are equal only to themselves, whatever the validator. */
        private static boolean plainValue(JsonNode value) {
            return value.isString() || value.isBoolean() || value.isNull();
        }

        private interface Comparison {
            boolean holds(int sign);
        }

        private static Node bound(JsonNode argument, Comparison comparison) {
            if (!argument.isNumber()) {
                throw new Unsupported();
            }
            BigDecimal limit = argument.decimalValue();
            return value -> {
                if (!value.isNumber()) {
                    return Verdict.VALID;
                }
                if (!(value.isIntegralNumber() || value.isBigDecimal())) {
                    // a binary floating-point number: right at the limit, readings may differ
                    double number = value.asDouble();
                    if (Double.isNaN(number) || Double.isInfinite(number) || number == limit.doubleValue()) {
                        return Verdict.UNKNOWN;
                    }
                }
                return Verdict.of(comparison.holds(value.decimalValue().compareTo(limit)));
            };
        }

        private static int count(JsonNode argument) {
            if (!argument.canConvertToInt() || argument.asInt() < 0) {
                throw new Unsupported();
            }
            return argument.asInt();
        }

        // Lengths: code points per the specification; a count in UTF-16 units is never smaller, so
        // a string short in UTF-16 units and long in code points is valid under both readings.
        private static Node minLength(int minimum) {
            return value -> {
                if (!value.isString()) {
                    return Verdict.VALID;
                }
                String text = value.asString();
                if (text.codePointCount(0, text.length()) >= minimum) {
                    return Verdict.VALID;
                }
                return text.length() < minimum ? Verdict.INVALID : Verdict.UNKNOWN;
            };
        }

        private static Node maxLength(int maximum) {
            return value -> {
                if (!value.isString()) {
                    return Verdict.VALID;
                }
                String text = value.asString();
                if (text.length() <= maximum) {
                    return Verdict.VALID;
                }
                return text.codePointCount(0, text.length()) > maximum ? Verdict.INVALID : Verdict.UNKNOWN;
            };
        }

        private static Node pattern(JsonNode argument) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(argument.asString(""));
            } catch (PatternSyntaxException notJava) {
                throw new Unsupported();
            }
            return value -> {
                if (!value.isString()) {
                    return Verdict.VALID;
                }
                String text = value.asString();
                // regular-expression dialects differ on what ^, $ and . do with line breaks
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        return Verdict.UNKNOWN;
                    }
                }
                return Verdict.of(pattern.matcher(text).find());
            };
        }

        /**
         * format: asserted by some validators, only noted by others. A value that meets the format
         * is valid either way; any other value is left to the general validator.
         */
        private static Node format(JsonNode argument) {
            if (!"date".equals(argument.asString(""))) {
                return value -> value.isString() ? Verdict.UNKNOWN : Verdict.VALID;
            }
            return value -> {
                if (!value.isString()) {
                    return Verdict.VALID;
                }
                String text = value.asString();
                if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                    return Verdict.UNKNOWN;
                }
                for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
                    if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                        return Verdict.UNKNOWN;
                    }
                }
                try {
                    IsoDate.parse(text);
                    return Verdict.VALID;
                } catch (DateTimeException notADate) {
                    return Verdict.UNKNOWN;
                }
            };
        }

        private static Node allOf(List<Node> nodes) {
            return QuickInputCheck.allOf(nodes);
        }

        private static Node anyOf(List<Node> nodes) {
            return value -> {
                Verdict verdict = Verdict.INVALID;
                for (Node node : nodes) {
                    Verdict one = node.check(value);
                    if (one == Verdict.VALID) {
                        return one;
                    }
                    if (one == Verdict.UNKNOWN) {
                        verdict = one;
                    }
                }
                return verdict;
            };
        }

        private static Node oneOf(List<Node> nodes) {
            return value -> {
                int valid = 0;
                boolean unknown = false;
                for (Node node : nodes) {
                    switch (node.check(value)) {
                        case VALID -> valid++;
                        case UNKNOWN -> unknown = true;
                        case INVALID -> {}
                    }
                }
                if (valid > 1) {
                    return Verdict.INVALID;
                }
                if (unknown) {
                    return Verdict.UNKNOWN;
                }
                return Verdict.of(valid == 1);
            };
        }

        private static Node not(Node node) {
            return value -> switch (node.check(value)) {
                case VALID -> Verdict.INVALID;
                case INVALID -> Verdict.VALID;
                case UNKNOWN -> Verdict.UNKNOWN;
            };
        }
    }

    private static Node allOf(List<Node> nodes) {
        if (nodes.size() == 1) {
            return nodes.get(0);
        }
        Node[] all = nodes.toArray(Node[]::new);
        return value -> {
            Verdict verdict = Verdict.VALID;
            for (Node node : all) {
                Verdict one = node.check(value);
                if (one == Verdict.INVALID) {
                    return one;
                }
                if (one == Verdict.UNKNOWN) {
                    verdict = one;
                }
            }
            return verdict;
        };
    }
}
