package org.gapdesk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GapdeskTest {
    @Test
    void knowsServeFromItsPlaceOnTheCommandLine() {
        assertTrue(Gapdesk.serving(new String[] {"serve"}));
        assertTrue(Gapdesk.serving(new String[] {"--home", "/srv/gapdesk", "serve", "--demo"}));
        assertTrue(Gapdesk.serving(new String[] {"--home=/srv/gapdesk", "serve"}));
        assertFalse(Gapdesk.serving(new String[] {"--home", "serve", "list"}), "a home folder named serve");
        assertFalse(Gapdesk.serving(new String[] {"import", "serve"}), "a file named serve");
        assertFalse(Gapdesk.serving(new String[] {"--help"}));
        assertFalse(Gapdesk.serving(new String[0]));
    }
}
