package org.gapdesk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MakKeyTest {
    @Test
    void fiveLettersOrDigitsAreUpperCased() {
        assertEquals("3V66T", MakKey.parse(" 3v66t ").last5());
        assertEquals("MAK ending 3V66T", MakKey.parse("3V66T").label());
    }

    @Test
    void aFullKeyInAnyFormIsRefusedWithoutRepeatingIt() {
        for (String key : new String[] {"NPPR9-FWDCX-D2C8J-H872K-2YT43", "NPPR9FWDCXD2C8JH872K2YT43",
            "nppr9 fwdcx d2c8j h872k 2yt43", "NPPR9 - FWDCX - D2C8J - H872K - 2YT43"}) {
            LicensingInputException e = assertThrows(LicensingInputException.class, () -> MakKey.parse(key));
            assertTrue(e.getMessage().startsWith("that looks like a full product key"), e.getMessage());
            assertFalse(e.getMessage().contains("NPPR9") || e.getMessage().contains("2YT43"), e.getMessage());
        }
    }

    @Test
    void partOfAKeyOrOtherTextIsRefused() {
        assertTrue(assertThrows(LicensingInputException.class, () -> MakKey.parse("H872K-2YT43")).getMessage()
                .startsWith("enter only the last five characters"));
        for (String bad : new String[] {"", "2YT4", "2YT4!", "2YT4É", null}) {
            assertTrue(assertThrows(LicensingInputException.class, () -> MakKey.parse(bad)).getMessage()
                    .contains("5 letters A-Z or digits 0-9"));
        }
        assertThrows(LicensingInputException.class, () -> new MakKey("abcde"));
    }
}
