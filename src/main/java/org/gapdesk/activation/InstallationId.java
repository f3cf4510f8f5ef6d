package org.gapdesk.activation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An Installation ID as Windows or Office shows it: 63 digits (9 groups of 7, Windows 8 and later),
 * 54 digits (9 groups of 6) or the old XP form of 50 digits (8 groups of 6 and a final group of 2).
 * Every group ends with a {@link CheckDigit}. Instances hold the normalized digit string; equality is
 * by digits.
 */
public final class InstallationId {
    /** The three IID layouts, by digit count. */
    public enum Layout {
        /** 8 groups of 6 and a final group of 2 (Windows XP, old format). */
        XP_50(50, new int[] {6, 6, 6, 6, 6, 6, 6, 6, 2}),
        /** 9 groups of 6 (XP, Office 2003; Vista, 7, Office 2010). */
        GROUPS_OF_6(54, new int[] {6, 6, 6, 6, 6, 6, 6, 6, 6}),
        /** 9 groups of 7 (Windows 8 / Server 2012 and later, Office 2013 and later). */
        GROUPS_OF_7(63, new int[] {7, 7, 7, 7, 7, 7, 7, 7, 7});

        private final int length;
        private final int[] groupSizes;

        Layout(int length, int[] groupSizes) {
            this.length = length;
            this.groupSizes = groupSizes;
        }

        public int length() {
            return length;
        }

        public int groupCount() {
            return groupSizes.length;
        }

        int groupSize(int index) {
            return groupSizes[index];
        }

        static Layout ofLength(int n) {
            for (Layout l : values()) {
                if (l.length == n) {
                    return l;
                }
            }
            return null;
        }
    }

    private final String digits;
    private final Layout layout;

    private InstallationId(String digits, Layout layout) {
        this.digits = digits;
        this.layout = layout;
    }

    /**
     * Parses an IID written with any grouping of spaces or hyphens.
     *
     * @throws IdFormatException naming the bad character, the wrong length, or every group whose check
     *     digit fails with the digit it should have been
     */
    public static InstallationId parse(String text) {
        String d = DigitString.normalize(text, "Installation ID");
        Layout layout = Layout.ofLength(d.length());
        if (layout == null) {
            throw new IdFormatException("Installation ID has " + d.length()
                    + " digits; expected 63 (9 groups of 7), 54 (9 groups of 6) or 50 (old XP format)");
        }
        List<String> bad = new ArrayList<>();
        int pos = 0;
        for (int g = 0; g < layout.groupCount(); g++) {
            int size = layout.groupSize(g);
            int expected = CheckDigit.compute(d, pos, pos + size - 1);
            char actual = d.charAt(pos + size - 1);
            if (actual - '0' != expected) {
                bad.add("group " + (g + 1) + " (" + d.substring(pos, pos + size) + ") fails its check digit: ends in "
                        + actual + ", expected " + expected);
            }
            pos += size;
        }
        if (!bad.isEmpty()) {
            throw new IdFormatException("Installation ID " + String.join("; ", bad));
        }
        return new InstallationId(d, layout);
    }

    /** Returns the IID if {@code text} parses, else null. For scanning text that may hold other numbers. */
    public static InstallationId tryParse(String text) {
        try {
            return parse(text);
        } catch (IdFormatException e) {
            return null;
        }
    }

    public String digits() {
        return digits;
    }

    public Layout layout() {
        return layout;
    }

    /** The groups in order, as the telephone IVR asks for them. */
    public List<String> groups() {
        List<String> groups = new ArrayList<>(layout.groupCount());
        int pos = 0;
        for (int g = 0; g < layout.groupCount(); g++) {
            groups.add(digits.substring(pos, pos + layout.groupSize(g)));
            pos += layout.groupSize(g);
        }
        return Collections.unmodifiableList(groups);
    }

    /** The groups joined with hyphens, e.g. {@code 334481-558826-...}. */
    public String grouped() {
        return String.join("-", groups());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstallationId other && other.digits.equals(digits);
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
