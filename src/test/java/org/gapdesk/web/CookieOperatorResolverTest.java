package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CookieOperatorResolverTest {
    @Test
    void acceptsNamesAndCollapsesSpace() {
        assertEquals("Ana Lee", CookieOperatorResolver.normalize("  Ana \t Lee "));
        assertEquals("Zoë O'Neil-Smith Jr.", CookieOperatorResolver.normalize("Zoë O'Neil-Smith Jr."));
        assertEquals("op_2", CookieOperatorResolver.normalize("op_2"));
    }

    @Test
    void refusesEmptyLongAndMarkupNames() {
        assertThrows(IllegalArgumentException.class, () -> CookieOperatorResolver.normalize(null));
        assertThrows(IllegalArgumentException.class, () -> CookieOperatorResolver.normalize("   "));
        assertThrows(IllegalArgumentException.class, () -> CookieOperatorResolver.normalize("x".repeat(61)));
        assertThrows(IllegalArgumentException.class, () -> CookieOperatorResolver.normalize("<script>"));
        assertThrows(IllegalArgumentException.class, () -> CookieOperatorResolver.normalize("a;b=c"));
    }
}
