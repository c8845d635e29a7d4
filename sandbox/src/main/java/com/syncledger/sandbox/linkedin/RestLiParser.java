package com.syncledger.sandbox.linkedin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one Rest.li 2.0 query value from its raw (still percent-encoded) wire form, the way LinkedIn
 * does: the structure ({@code List(...)}, {@code (key:value,...)}, commas, colons) is read first and only
 * the leaves are percent-decoded afterwards. A URN whose colons were not encoded therefore breaks the
 * structure, and a doubly encoded one decodes to {@code urn%3Ali...}, not to a URN.
 *
 * <p>Values come back as {@code List<Object>}, {@code Map<String, Object>} or {@code String}.
 */
final class RestLiParser {

    private static final String STRUCTURE = "(),:";

    private final String raw;
    private int pos;

    private RestLiParser(String raw) {
        this.raw = raw;
    }

    /** @throws IllegalArgumentException describing where the value stops being Rest.li 2.0 */
    static Object parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("empty value");
        }
        RestLiParser parser = new RestLiParser(raw);
        Object value = parser.value();
        if (parser.pos != raw.length()) {
            throw parser.error("unexpected '" + raw.charAt(parser.pos) + "'");
        }
        return value;
    }

    private Object value() {
        if (raw.startsWith("List(", pos)) {
            pos += "List(".length();
            List<Object> items = new ArrayList<>();
            if (!consume(')')) {
                do {
                    items.add(value());
                } while (consume(','));
                expect(')');
            }
            return items;
        }
        if (consume('(')) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (!consume(')')) {
                do {
                    String key = leaf();
                    expect(':');
                    fields.put(key, value());
                } while (consume(','));
                expect(')');
            }
            return fields;
        }
        return leaf();
    }

    private String leaf() {
        int start = pos;
        while (pos < raw.length() && STRUCTURE.indexOf(raw.charAt(pos)) < 0) {
            pos++;
        }
        if (start == pos) {
            throw error("a value is missing");
        }
        return percentDecode(raw.substring(start, pos));
    }

    /** Strict percent-decoding: {@code +} is a plus sign here, not a space. */
    private String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw error("incomplete escape in '" + text + "'");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw error("bad escape in '" + text + "'");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private boolean consume(char c) {
        if (pos < raw.length() && raw.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + pos + " of '" + raw + "'");
    }
}
