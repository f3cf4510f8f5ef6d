package org.gapdesk.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InstallationIdTest {
    static final String XP_54 = "334481558826870862843844566221823392794862457401103810";
    static final String XP_50 = "140360-627153-508674-221690-171243-904021-659581-150052-92";

    @Test
    void parsesThePublic54DigitVector() {
        InstallationId iid = InstallationId.parse(XP_54);
        assertEquals(InstallationId.Layout.GROUPS_OF_6, iid.layout());
        assertEquals(9, iid.groups().size());
        assertEquals("334481", iid.groups().get(0));
        assertEquals("103810", iid.groups().get(8));
        assertEquals("334481-558826-870862-843844-566221-823392-794862-457401-103810", iid.grouped());
    }

    @Test
    void parsesThePublicOldXpVectorWithItsShortFinalGroup() {
        InstallationId iid = InstallationId.parse(XP_50);
        assertEquals(InstallationId.Layout.XP_50, iid.layout());
        assertEquals("92", iid.groups().get(8));
        assertEquals(XP_50, iid.grouped());
        assertEquals(50, iid.digits().length());
    }

    @Test
    void acceptsSpacesHyphensAndAnyGrouping() {
        String spaced = "33448 1558 826870-862843 844566221823392794862457401103810";
        assertEquals(XP_54, InstallationId.parse(spaced).digits());
        assertEquals(InstallationId.parse(XP_54), InstallationId.parse(spaced));
    }

    @Test
    void tooShortNamesTheLength() {
        IdFormatException e = assertThrows(IdFormatException.class,
                () -> InstallationId.parse(XP_54.substring(0, 53)));
        assertTrue(e.getMessage().contains("53 digits"), e.getMessage());
    }

    @Test
    void tooLongNamesTheLength() {
        IdFormatException e = assertThrows(IdFormatException.class, () -> InstallationId.parse(XP_54 + "0"));
        assertTrue(e.getMessage().contains("55 digits"), e.getMessage());
    }

    @Test
    void badCheckDigitNamesTheGroupAndTheExpectedDigit() {
        IdFormatException e = assertThrows(IdFormatException.class,
                () -> InstallationId.parse(XP_54.substring(0, 53) + "1"));
        assertTrue(e.getMessage().contains("group 9 (103811)"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 0"), e.getMessage());
    }

    @Test
    void aLetterIsNamedWithItsPosition() {
        IdFormatException e = assertThrows(IdFormatException.class,
                () -> InstallationId.parse(XP_54.substring(0, 10) + "A" + XP_54.substring(11)));
        assertTrue(e.getMessage().contains("'A' at position 11"), e.getMessage());
    }

    @Test
    void syntheticSixtyThreeDigitIdsRoundTrip() {
        Random random = new Random(7);
        for (int n = 0; n < 1000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int g = 0; g < 9; g++) {
                StringBuilder data = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    data.append(random.nextInt(10));
                }
                sb.append(CheckDigit.complete(data)).append(' ');
            }
            InstallationId iid = InstallationId.parse(sb.toString());
            assertEquals(InstallationId.Layout.GROUPS_OF_7, iid.layout());
            assertEquals(iid, InstallationId.parse(iid.grouped()));
        }
    }

    @Test
    void everyFailingGroupIsNamed() {
        char[] d = XP_54.toCharArray();
        d[5] = d[5] == '0' ? '1' : '0';
        d[17] = d[17] == '0' ? '1' : '0';
        IdFormatException e = assertThrows(IdFormatException.class, () -> InstallationId.parse(new String(d)));
        assertTrue(e.getMessage().contains("group 1 ") && e.getMessage().contains("group 3 "), e.getMessage());
    }
}
