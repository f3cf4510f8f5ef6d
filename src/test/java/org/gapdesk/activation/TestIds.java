package org.gapdesk.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid synthetic Installation and Confirmation IDs for tests: random data digits, each group completed with
 * {@link CheckDigit#complete}. Deterministic for a given seed. Also holds the public test vectors.
 */
public final class TestIds {
    /** Public vector: XP IID, 54 digits (9 groups of 6). */
    public static final String XP_IID_54 = "334481558826870862843844566221823392794862457401103810";
    /** Public vector: its CID (42 digits, from an open-source generator, not from Microsoft). */
    public static final String XP_CID_42 = "110281-200130-887120-647974-697175-027544-252733";
    /** Public vector: old XP IID, 50 digits (8 groups of 6 and a final group of 2). */
    public static final String XP_IID_50 = "140360-627153-508674-221690-171243-904021-659581-150052-92";
    /** Public vector: its CID (same origin). */
    public static final String XP_CID_50 = "109062-530373-462923-856922-378004-297663-022353";

    private final Random random;

    /** A generator with a fixed seed: the same seed gives the same IDs. */
    public TestIds(long seed) {
        this.random = new Random(seed);
    }

    /** A valid 63-digit IID (9 groups of 7), groups joined with hyphens. */
    public String iid63() {
        return groups(9, 7);
    }

    /** A valid 54-digit IID (9 groups of 6), groups joined with hyphens. */
    public String iid54() {
        return groups(9, 6);
    }

    /** A valid 48-digit CID (blocks A to H of 6), blocks joined with hyphens. */
    public String cid48() {
        return groups(8, 6);
    }

    /** {@code count} valid groups of {@code size} digits (the last a check digit), joined with hyphens. */
    public String groups(int count, int size) {
        List<String> groups = new ArrayList<>(count);
        for (int g = 0; g < count; g++) {
            StringBuilder data = new StringBuilder(size - 1);
            for (int i = 0; i < size - 1; i++) {
                data.append(random.nextInt(10));
            }
            groups.add(CheckDigit.complete(data));
        }
        return String.join("-", groups);
    }

    /** {@code id} with hyphens and spaces removed. */
    public static String digits(String id) {
        return id.replaceAll("[ -]", "");
    }

    /** {@code id} (digits) with the check digit of group {@code group} (1-based, groups of {@code size}) broken. */
    public static String breakGroup(String id, int group, int size) {
        String d = digits(id);
        int last = group * size - 1;
        char c = d.charAt(last);
        char wrong = c == '0' ? '1' : '0';
        return d.substring(0, last) + wrong + d.substring(last + 1);
    }
}
