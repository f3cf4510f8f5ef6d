package org.gapdesk.activation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Confirmation ID: 48 digits in blocks A to H of 6 (Vista and later), or 42 digits in blocks A to G
 * (XP). Length and characters are hard errors. Whether Vista and later CIDs carry the block check digit
 * is unconfirmed, so a failed block check is kept as a warning ({@link #failedBlocks()}) that the
 * operator may override after re-listening.
 */
public final class ConfirmationId {
    /** Digits per block. */
    public static final int BLOCK = 6;
    /** Digits in a Vista-and-later CID. */
    public static final int LENGTH = 48;
    /** Digits in an XP CID. */
    public static final int XP_LENGTH = 42;

    private final String digits;
    private final List<Character> failedBlocks;

    private ConfirmationId(String digits, List<Character> failedBlocks) {
        this.digits = digits;
        this.failedBlocks = failedBlocks;
    }

    /**
     * Parses a CID written with any grouping of spaces or hyphens.
     *
     * @throws IdFormatException for a character that is not a digit or a length other than 48 or 42
     */
    public static ConfirmationId parse(String text) {
        String d = DigitString.normalize(text, "Confirmation ID");
        if (d.length() != LENGTH && d.length() != XP_LENGTH) {
            throw new IdFormatException("Confirmation ID has " + d.length()
                    + " digits; expected 48 (blocks A to H of 6 digits) or 42 (XP, blocks A to G)");
        }
        List<Character> failed = new ArrayList<>();
        for (int b = 0; b * BLOCK < d.length(); b++) {
            if (!CheckDigit.isValid(d.substring(b * BLOCK, b * BLOCK + BLOCK))) {
                failed.add(blockName(b));
            }
        }
        return new ConfirmationId(d, Collections.unmodifiableList(failed));
    }

    /** The block letter for a zero-based block index: 0 is A. */
    public static char blockName(int index) {
        return (char) ('A' + index);
    }

    public String digits() {
        return digits;
    }

    /** The blocks A, B, ... in order. */
    public List<String> blocks() {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < digits.length(); i += BLOCK) {
            blocks.add(digits.substring(i, i + BLOCK));
        }
        return Collections.unmodifiableList(blocks);
    }

    /** Letters of the blocks whose last digit is not their check digit; empty when all pass. */
    public List<Character> failedBlocks() {
        return failedBlocks;
    }

    /** True when every block passes its check digit. */
    public boolean checksPass() {
        return failedBlocks.isEmpty();
    }

    /** Describes each failing block with the check digit it should end in, for the operator. */
    public String checkWarning() {
        List<String> parts = new ArrayList<>();
        for (char b : failedBlocks) {
            String block = digits.substring((b - 'A') * BLOCK, (b - 'A') * BLOCK + BLOCK);
            parts.add("block " + b + " (" + block + ") ends in " + block.charAt(BLOCK - 1) + ", check digit would be "
                    + CheckDigit.compute(block, 0, BLOCK - 1));
        }
        return String.join("; ", parts);
    }

    /** The blocks joined with hyphens. */
    public String grouped() {
        return String.join("-", blocks());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfirmationId other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return grouped();
    }
}
