package org.gapdesk.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckDigitTest {

    @Test
    void weightsAlternateOneTwoFromTheLeft() {
        // 33448 -> 3 + 6 + 4 + 8 + 8 = 29, 29 mod 7 = 1
        assertEquals(1, CheckDigit.compute("33448", 0, 5));
        assertTrue(CheckDigit.isValid("334481"));
        assertFalse(CheckDigit.isValid("334482"));
        assertEquals("334481", CheckDigit.complete("33448"));
    }

    @Test
    void aGroupEndingInSevenEightOrNineNeverPasses() {
        for (int data = 0; data < 100_000; data++) {
            String d = String.format("%05d", data);
            for (char last = '7'; last <= '9'; last++) {
                assertFalse(CheckDigit.isValid(d + last), d + last);
            }
        }
    }

    /**
     * Every single-digit slip in every 6-digit group (all 100,000 data patterns, every position, every wrong
     * digit) is caught, unless it is the documented blind spot: a data digit off by exactly 7 (0/7, 1/8, 2/9).
     */
    @Test
    void everySingleDigitSlipInSixDigitGroupsIsCaughtOrADocumentedBlindSpot() {
        assertSlipsCaughtExceptBlindSpots(5);
    }

    /** The same, exhaustively, for the 7-digit groups of Windows 8 and later IIDs. */
    @Test
    void everySingleDigitSlipInSevenDigitGroupsIsCaughtOrADocumentedBlindSpot() {
        assertSlipsCaughtExceptBlindSpots(6);
    }

    private static void assertSlipsCaughtExceptBlindSpots(int dataDigits) {
        int limit = (int) Math.pow(10, dataDigits);
        char[] g = new char[dataDigits + 1];
        long slips = 0;
        long blind = 0;
        for (int data = 0; data < limit; data++) {
            int v = data;
            for (int i = dataDigits - 1; i >= 0; i--) {
                g[i] = (char) ('0' + v % 10);
                v /= 10;
            }
            g[dataDigits] = (char) ('0' + CheckDigit.compute(new String(g), 0, dataDigits));
            String valid = new String(g);
            assertTrue(CheckDigit.isValid(valid));
            for (int pos = 0; pos <= dataDigits; pos++) {
                char original = g[pos];
                for (char c = '0'; c <= '9'; c++) {
                    if (c == original) {
                        continue;
                    }
                    g[pos] = c;
                    boolean passes = CheckDigit.isValid(new String(g));
                    boolean blindSpot = pos < dataDigits && Math.abs(c - original) == 7;
                    if (passes != blindSpot) {
                        throw new AssertionError("slip at position " + (pos + 1) + " of " + valid + " to " + c
                                + (passes ? " passes but is not a documented blind spot" : " is caught but was"
                                        + " expected to be a blind spot"));
                    }
                    slips++;
                    if (blindSpot) {
                        blind++;
                    }
                }
                g[pos] = original;
            }
        }
        // About 94% of single-digit slips are caught, as the reference says (slips to 7, 8, 9 in the check
        // position are always caught, which lifts the rate for the whole group a little).
        double caught = 1.0 - (double) blind / slips;
        assertTrue(caught > 0.93 && caught < 0.96, "caught " + caught);
    }

    /** Neighbour swaps of data digits are caught unless the two digits are equal or differ by 7. */
    @Test
    void neighbourSwapsOfDataDigitsAreCaughtUnlessTheyDifferBySeven() {
        for (int data = 0; data < 100_000; data++) {
            String d = String.format("%05d", data);
            String valid = CheckDigit.complete(d);
            for (int i = 0; i + 1 < 5; i++) {
                char a = valid.charAt(i);
                char b = valid.charAt(i + 1);
                if (a == b) {
                    continue;
                }
                char[] s = valid.toCharArray();
                s[i] = b;
                s[i + 1] = a;
                boolean passes = CheckDigit.isValid(new String(s));
                assertEquals(Math.abs(a - b) == 7, passes, valid + " swap at " + (i + 1));
            }
        }
    }
}
