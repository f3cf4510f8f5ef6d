package org.gapdesk.demo;

import java.util.Random;
import org.gapdesk.activation.CheckDigit;

/**
 * Synthetic Installation and Confirmation IDs: random data digits completed with the real check digit, so
 * they pass validation exactly as real ones do. Deterministic: the same seed gives the same sequence on
 * every JVM. Not thread-safe.
 *
 * <p>These are made-up numbers for demos, tests and benchmarks; Microsoft would never issue a CID for them.
 */
public final class SyntheticIds {
    private final Random random;

    /** A sequence of IDs determined by {@code seed}. */
    public SyntheticIds(long seed) {
        this.random = new Random(seed);
    }

    /** The next 63-digit IID (9 groups of 6 data digits and a check digit), digits only. */
    public String iid63() {
        return groups(9, 6);
    }

    /** The next 54-digit IID (9 groups of 5 data digits and a check digit), digits only. */
    public String iid54() {
        return groups(9, 5);
    }

    /** The next 48-digit CID (blocks A to H of 5 data digits and a check digit), digits only. */
    public String cid48() {
        return groups(8, 5);
    }

    private String groups(int count, int dataDigits) {
        StringBuilder sb = new StringBuilder(count * (dataDigits + 1));
        StringBuilder data = new StringBuilder(dataDigits);
        for (int g = 0; g < count; g++) {
            data.setLength(0);
            for (int i = 0; i < dataDigits; i++) {
                data.append((char) ('0' + random.nextInt(10)));
            }
            sb.append(CheckDigit.complete(data));
        }
        return sb.toString();
    }
}
