package org.gapdesk.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void layoutIsFixed() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", List.of(Map.of("x", true), 2L));
        m.put("e", new ArrayList<>());
        m.put("o", new LinkedHashMap<>());
        m.put("n", null);
        assertEquals("{\n  \"b\": 1,\n  \"a\": [\n    {\n      \"x\": true\n    },\n    2\n  ],\n  \"e\": [],\n"
                + "  \"o\": {},\n  \"n\": null\n}\n", CanonicalJson.write(m));
    }

    @Test
    void everythingOutsidePrintableAsciiIsEscaped() {
        assertEquals("\"a\\\"b\\\\c/d\\u000a\\u0009\\u00fc\\u20ac\\ud83d\\ude00\\u007f\"\n",
                CanonicalJson.write("a\"b\\c/d\n\tü€\uD83D\uDE00\u007f"));
        byte[] bytes = CanonicalJson.bytes("Prüfstand");
        assertEquals("\"Pr\\u00fcfstand\"\n", new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
        for (byte b : bytes) {
            assertTrue(b >= 0x20 && b < 0x7f || b == '\n');
        }
    }

    @Test
    void onlyTheBundlesTypesAreWritten() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1.5));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of(1, 2)));
    }
}
