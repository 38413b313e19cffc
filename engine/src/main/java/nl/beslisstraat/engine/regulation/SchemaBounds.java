package nl.beslisstraat.engine.regulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether an input schema keeps applications small: closed at the top (no field it does not
 * declare), every field with a declared shape, every string with a {@code maxLength}, every array
 * with a {@code maxItems}, every object closed. An application that passes such a schema is
 * bounded by the schema itself, whatever the body size allows, which is what lets the nightly run
 * hold a chunk of accepted cases in a small heap.
 */
final class SchemaBounds {

    private static final Set<String> BRANCHES = Set.of("anyOf", "oneOf", "allOf");

    private SchemaBounds() {}

    /** What the schema leaves open, one line per place, empty when it is closed and bounded. */
    static List<String> problems(JsonNode schema) {
        List<String> problems = new ArrayList<>();
        if (!"object".equals(schema.path("type").asString(""))) {
            problems.add("the input schema must be of type object");
        }
        if (!closed(schema)) {
            problems.add("the input schema must be closed (\"additionalProperties\": false): an application may not"
                    + " bring fields the schema does not declare");
        }
        for (String field : schema.path("properties").propertyNames()) {
            JsonNode property = schema.path("properties").path(field);
            if (!shaped(schema, property, 0)) {
                problems.add(field + ": declares no type, enum or const, so it would take any value");
            }
        }
        walk(schema, "#", problems);
        return problems;
    }

    private static boolean closed(JsonNode schema) {
        JsonNode additional = schema.path("additionalProperties");
        JsonNode unevaluated = schema.path("unevaluatedProperties");
        return (additional.isBoolean() && !additional.asBoolean())
                || (unevaluated.isBoolean() && !unevaluated.asBoolean());
    }

    /** A property schema that says what it takes, directly or through every branch or reference. */
    private static boolean shaped(JsonNode root, JsonNode schema, int depth) {
        if (depth > 16 || !schema.isObject()) {
            return false;
        }
        if (schema.has("type") || schema.has("enum") || schema.has("const")) {
            return true;
        }
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asString("");
            return ref.startsWith("#/") && shaped(root, root.at(ref.substring(1)), depth + 1);
        }
        for (String branch : List.of("anyOf", "oneOf")) {
            if (schema.path(branch).isArray() && !schema.path(branch).isEmpty()) {
                boolean all = true;
                for (JsonNode option : schema.path(branch)) {
                    all &= shaped(root, option, depth + 1);
                }
                return all;
            }
        }
        return false;
    }

    /** Every subschema that takes strings, arrays or objects must bound them. */
    private static void walk(JsonNode schema, String path, List<String> problems) {
        if (!schema.isObject()) {
            return;
        }
        Set<String> types = types(schema.path("type"));
        if (types.contains("string") && !schema.has("maxLength") && !schema.has("const")) {
            problems.add(path + ": a string without maxLength");
        }
        if (types.contains("array") && !schema.has("maxItems")) {
            problems.add(path + ": an array without maxItems");
        }
        if (types.contains("object") && !"#".equals(path) && !closed(schema)) {
            problems.add(path + ": an object that is not closed (\"additionalProperties\": false)");
        }
        for (String keyword : List.of("properties", "$defs", "definitions", "patternProperties")) {
            for (String name : schema.path(keyword).propertyNames()) {
                walk(schema.path(keyword).path(name), path + "/" + keyword + "/" + name, problems);
            }
        }
        for (String keyword : List.of("items", "additionalProperties", "if", "then", "else", "not", "contains")) {
            walk(schema.path(keyword), path + "/" + keyword, problems);
        }
        for (String keyword : BRANCHES) {
            JsonNode branches = schema.path(keyword);
            for (int i = 0; i < branches.size(); i++) {
                walk(branches.path(i), path + "/" + keyword + "/" + i, problems);
            }
        }
        JsonNode prefixItems = schema.path("prefixItems");
        for (int i = 0; i < prefixItems.size(); i++) {
            walk(prefixItems.path(i), path + "/prefixItems/" + i, problems);
        }
    }

    private static Set<String> types(JsonNode type) {
        if (type.isString()) {
            return Set.of(type.asString());
        }
        Set<String> types = new java.util.HashSet<>();
        for (JsonNode each : type) {
            types.add(each.asString(""));
        }
        return types;
    }
}
