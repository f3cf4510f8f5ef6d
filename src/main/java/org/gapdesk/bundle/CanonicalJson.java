package org.gapdesk.bundle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON in one canonical form, so the same values always give the same bytes:
 * <ul>
 * <li>members in the order of the {@link Map} given (callers use a {@link java.util.LinkedHashMap} with the
 * format's fixed key order);
 * <li>two spaces of indentation per level, one member or array element per line, {@code "key": value},
 * LF line ends, no trailing spaces, one LF at the end of the document; an empty object or array is
 * {@code {}} or {@code []};
 * <li>pure ASCII: {@code "} and {@code \} are written {@code \"} and {@code \\}; every other character
 * outside U+0020..U+007E as {@code \}{@code uXXXX} (four lower-case hex digits, UTF-16 code units); no other
 * escapes;
 * <li>integers (Integer, Long) in plain decimal; {@code true}, {@code false}, {@code null}. Fractions are not
 * written: a bundle has none.
 * </ul>
 * Readers need not reproduce this form: the signature and hashes are over the exact bytes.
 */
public final class CanonicalJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical text of {@code value} (a Map, List, String, Integer, Long, Boolean or null). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(256);
        value(sb, value, 0);
        sb.append('\n');
        return sb.toString();
    }

    /** The canonical bytes (ASCII, hence also UTF-8) of {@code value}. */
    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static void value(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Map<?, ?> map) {
            object(sb, map, depth);
        } else if (v instanceof List<?> list) {
            array(sb, list, depth);
        } else {
            throw new IllegalArgumentException("canonical JSON has no form for " + v.getClass().getName());
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON member names are strings");
            }
            indent(sb, depth + 1);
            string(sb, key);
            sb.append(": ");
            value(sb, e.getValue(), depth + 1);
            sb.append(++i < map.size() ? ",\n" : "\n");
        }
        indent(sb, depth);
        sb.append('}');
    }

    private static void array(StringBuilder sb, List<?> list, int depth) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            indent(sb, depth + 1);
            value(sb, list.get(i), depth + 1);
            sb.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        indent(sb, depth);
        sb.append(']');
    }

    private static void indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c <= 0x7e) {
                sb.append(c);
            } else {
                sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        sb.append('"');
    }
}
