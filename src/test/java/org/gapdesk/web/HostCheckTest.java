package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostCheckTest {
    private final HostCheck loopback = new HostCheck("127.0.0.1");
    private final HostCheck named = new HostCheck("Kiosk-7.lab.example");

    @Test
    void localhostAndAddressesWithTheRightPortAreThisKiosk() {
        for (String h : new String[] {"127.0.0.1:7878", "localhost:7878", "LocalHost:7878", "[::1]:7878",
                "10.1.2.3:7878", "[fe80::1]:7878"}) {
            assertTrue(loopback.accepts(h, 7878), h);
        }
        assertTrue(loopback.accepts("localhost", 80), "no port means 80");
        assertTrue(named.accepts("kiosk-7.lab.example:7878", 7878), "the configured bind host, any case");
    }

    @Test
    void otherNamesPortsAndJunkAreRefused() {
        for (String h : new String[] {"evil.example:7878", "evil.example", "127.0.0.1:7879", "localhost",
                "127.0.0.1.evil.example:7878", "localhost.evil.example:7878", "256.1.1.1:7878", "1.2.3:7878",
                "[::1:7878", "[evil]:7878", "", "kiosk-7.lab.example:7878", "127.0.0.1:7878:7878"}) {
            assertFalse(loopback.accepts(h, 7878), h);
        }
        assertFalse(loopback.accepts(null, 7878));
        assertFalse(loopback.accepts("a".repeat(400), 7878));
    }
}
