package io.jcap.print;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict JSON reader for the tests that keeps what tshark's outputs rely on and most
 * readers drop: the order of members and repeated member names. Objects are
 * {@link Obj}s (members in order), arrays {@link Arr}s, strings String, true/false
 * Boolean, null {@link #NULL}, numbers their text as {@link Num}.
 */
final class Json {
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    record Member(String name, Object value) {
    }

    record Obj(List<Member> members) {
        /** The first member called {@code name}, or null. */
        Object get(String name) {
            for (Member m : members) {
                if (m.name.equals(name)) {
                    return m.value;
                }
            }
            return null;
        }

        List<String> names() {
            return members.stream().map(Member::name).toList();
        }
    }

    record Arr(List<Object> values) {
    }

    record Num(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** Parses {@code text}, which must be exactly one JSON value (whitespace around it allowed). */
    static Object parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("no JSON value");
            }
            Object v = value(p, t);
            if (p.nextToken() != null) {
                throw new IOException("text after the JSON value at " + p.currentLocation());
            }
            return v;
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                List<Member> members = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String name = p.currentName();
                    members.add(new Member(name, value(p, p.nextToken())));
                }
                return new Obj(members);
            }
            case START_ARRAY -> {
                List<Object> values = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    values.add(value(p, n));
                }
                return new Arr(values);
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Num(p.getText());
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw new IOException("unexpected " + t + " at " + p.currentLocation());
        }
    }

    /** Names that occur more than once in one object, anywhere below {@code v}. */
    static List<String> duplicateNames(Object v) {
        List<String> out = new ArrayList<>();
        duplicates(v, out);
        return out;
    }

    private static void duplicates(Object v, List<String> out) {
        if (v instanceof Obj o) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Member m : o.members) {
                if (!seen.add(m.name)) {
                    out.add(m.name);
                }
                duplicates(m.value, out);
            }
        } else if (v instanceof Arr a) {
            for (Object e : a.values) {
                duplicates(e, out);
            }
        }
    }
}
