package io.jcap.filter;

import io.jcap.field.FieldDef;

import java.util.List;

/**
 * The syntax tree the parser builds: immutable, each node with the span of text tshark
 * would point at for it ({@code start}, {@code length} in bytes of the UTF-8 filter).
 * Words are already told apart: a {@link Field} when the registry knows the name, else a
 * {@link Literal} whose meaning depends on what it is compared with.
 */
sealed interface Node {
    int start();

    int length();

    /** What tshark's messages call the node (stnode_todisplay). */
    String display();

    // ---- values

    /** A protocol or field, optionally restricted to some layers (ip.src#2, ip.src#[1-2]). */
    record Field(FieldDef def, List<RangeSpec> layers, int start, int length, String token) implements Node {
        @Override
        public String display() {
            return def.abbrev;
        }
    }

    /** ${field}: a field's value in the packet selected in a GUI; tshark alone has none. */
    record Reference(FieldDef def, List<RangeSpec> layers, int start, int length) implements Node {
        @Override
        public String display() {
            return def.abbrev + " <" + def.type.wiresharkName + ">";
        }
    }

    /** An unquoted value: a number, address, byte string, value name ... */
    record Literal(String value, int start, int length, String token) implements Node {
        @Override
        public String display() {
            return token;
        }
    }

    /** A double-quoted (or raw) string, as bytes. */
    record Str(byte[] value, int start, int length, String token) implements Node {
        @Override
        public String display() {
            return token;
        }
    }

    /** A character constant, as its number. */
    record CharConst(long value, int start, int length, String token) implements Node {
        @Override
        public String display() {
            return token;
        }
    }

    /** entity[ranges]: bytes of a field, protocol, function result or slice. */
    record Slice(Node entity, List<RangeSpec> ranges, int start, int length) implements Node {
        @Override
        public String display() {
            return entity.display() + "[" + RangeSpec.join(ranges) + "]";
        }
    }

    record Function(String name, List<Node> args, int start, int length) implements Node {
        @Override
        public String display() {
            return name;
        }
    }

    /** + - * / % & between values, or unary minus (right null). */
    record Arith(Token.Kind op, String opText, Node left, Node right, int start, int length) implements Node {
        @Override
        public String display() {
            return opText;
        }
    }

    // ---- tests

    /** A comparison; {@code quantifier} is ANY, ALL or null (the operator's default). */
    record Compare(Token.Kind op, String opText, Token.Kind quantifier, Node left, Node right, int start, int length)
            implements Node {
        @Override
        public String display() {
            return opText;
        }
    }

    /** contains and matches. */
    record Search(Token.Kind op, String opText, Token.Kind quantifier, Node left, Node right, int start, int length)
            implements Node {
        @Override
        public String display() {
            return opText;
        }
    }

    /** Set membership; each element is one value (high null) or a range low..high. */
    record In(Node left, List<Node[]> elements, int start, int length, String opText) implements Node {
        @Override
        public String display() {
            return opText;
        }
    }

    record Not(Node operand, int start, int length, String opText) implements Node {
        @Override
        public String display() {
            return opText;
        }
    }

    record And(Node left, Node right, int start, int length, String opText) implements Node {
        @Override
        public String display() {
            return opText;
        }
    }

    record Or(Node left, Node right, int start, int length, String opText) implements Node {
        @Override
        public String display() {
            return opText;
        }
    }
}
