package io.voidvm.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Lists every difference between two JSON trees as "pointer: what", so a drifted shape reads at a glance. */
public final class JsonTreeDiff {

    private JsonTreeDiff() {
    }

    public static List<String> diff(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        walk("", expected, actual, differences);
        return differences;
    }

    private static void walk(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        String at = pointer.isEmpty() ? "/" : pointer;
        if (expected.isObject() && actual.isObject()) {
            var names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                compareChild(pointer + "/" + name, expected.get(name), actual.get(name), out);
            }
        } else if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                compareChild(pointer + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(at + ": expected " + expected + " but was " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": expected " + expected + " but was " + actual);
        }
    }

    private static void compareChild(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected == null) {
            out.add(pointer + ": unexpected, was " + actual);
        } else if (actual == null) {
            out.add(pointer + ": missing, expected " + expected);
        } else {
            walk(pointer, expected, actual, out);
        }
    }
}
