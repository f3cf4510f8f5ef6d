package org.gapdesk.web;

import java.util.ArrayList;
import java.util.List;
import org.gapdesk.activation.CheckDigit;
import org.gapdesk.activation.ConfirmationId;

/**
 * A CID as keyed so far, cut into blocks A to H with a status each, for the call page. {@code call.js} does the
 * same in the browser as each key is pressed, with the same words; this renders it on the server for a page
 * sent back after a form post (and for browsers without script).
 */
public final class CidBlocks {
    /** Blocks shown: A to H. */
    static final int COUNT = 8;

    /**
     * One block.
     *
     * @param letter A to H
     * @param text the characters keyed for it (up to 6)
     * @param state {@code empty}, {@code partial}, {@code ok}, {@code warning} (check digit fails) or
     *     {@code error} (a character that is not a digit)
     * @param status the block's status in words, e.g. {@code Block D: check digit should be 4 — ask for block D
     *     again}
     */
    public record Block(char letter, String text, String state, String status) {
    }

    private CidBlocks() {
    }

    /** The characters of {@code raw} that count: everything but spaces, hyphens and other dashes. */
    static String significant(String raw) {
        StringBuilder sb = new StringBuilder();
        if (raw != null) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (!isSeparator(c)) {
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** The significant characters in blocks of 6 joined with hyphens: how the CID input shows them. */
    static String grouped(String raw) {
        String s = significant(raw);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && i % ConfirmationId.BLOCK == 0) {
                sb.append('-');
            }
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }

    /** Blocks A to H of {@code raw}. */
    static List<Block> of(String raw) {
        String s = significant(raw);
        List<Block> blocks = new ArrayList<>(COUNT);
        for (int b = 0; b < COUNT; b++) {
            int from = Math.min(s.length(), b * ConfirmationId.BLOCK);
            int to = Math.min(s.length(), from + ConfirmationId.BLOCK);
            blocks.add(block(ConfirmationId.blockName(b), s.substring(from, to)));
        }
        return blocks;
    }

    /** The status of one block keyed as {@code text}. */
    static Block block(char letter, String text) {
        String name = "Block " + letter;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return new Block(letter, text, "error", name + ": \u201c" + c + "\u201d is not a digit");
            }
        }
        if (text.isEmpty()) {
            return new Block(letter, text, "empty", name + ": not keyed yet");
        }
        if (text.length() < ConfirmationId.BLOCK) {
            return new Block(letter, text, "partial", name + ": " + text.length() + " of 6 digits");
        }
        int expected = CheckDigit.compute(text, 0, ConfirmationId.BLOCK - 1);
        if (text.charAt(ConfirmationId.BLOCK - 1) - '0' != expected) {
            return new Block(letter, text, "warning", name + ": check digit should be " + expected
                    + " \u2014 ask for block " + letter + " again");
        }
        return new Block(letter, text, "ok", name + ": complete, check digit correct");
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '\t' || c == '\u00a0' || c == '\u2010' || c == '\u2011'
                || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212' || c == '\r' || c == '\n';
    }
}
