package org.gapdesk.lab;

import java.util.Locale;

/** The HRESULTs the toolkit meets when depositing a CID, and their written form ({@code 0xC004F02C}). */
public final class Hresult {
    /** The offline activation data is wrong: the CID was mistyped. */
    public static final int CID_INVALID = 0xC004F02C;
    /** The IID or CID check digits are invalid. */
    public static final int CHECK_DIGITS_INVALID = 0xC004F04D;
    /** The MAK has reached its activation limit. */
    public static final int MAK_LIMIT = 0xC004C020;
    /** The hardware is out of tolerance: a new IID (and CID) is needed. */
    public static final int HARDWARE_CHANGED = 0xC004F00F;
    /** The product key is blocked. */
    public static final int KEY_BLOCKED = 0xC004C003;

    private Hresult() {
    }

    /** {@code 0x} and eight upper-case hex digits, as the results file writes it. */
    public static String format(int hresult) {
        return "0x" + String.format(Locale.ROOT, "%08X", hresult);
    }
}
