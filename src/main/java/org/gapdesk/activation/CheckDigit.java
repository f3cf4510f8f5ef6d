package org.gapdesk.activation;

/**
 * The check digit that ends every IID group and CID block.
 *
 * <p>With data digits d1..dn the check digit is {@code (d1 + 2*d2 + d3 + 2*d4 + ...) mod 7}: weights
 * alternate 1, 2, 1, 2 from the left. A group whose last digit is 7, 8 or 9 therefore never passes.
 * The rule misses a slip between digits that differ by 7 (0/7, 1/8, 2/9) at one position and swaps of
 * neighbours whose weighted sums agree mod 7; see {@code docs/formats.md}.
 */
public final class CheckDigit {
    private CheckDigit() {
    }

    /**
     * Computes the check digit for the data digits {@code s[from, to)}.
     *
     * @throws IllegalArgumentException if a character in the range is not an ASCII digit
     */
    public static int compute(CharSequence s, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            sum += ((i - from) % 2 == 0) ? d : 2 * d;
        }
        return sum % 7;
    }

    /** True when the last digit of {@code group} is the check digit of the digits before it. */
    public static boolean isValid(CharSequence group) {
        int n = group.length();
        if (n < 2) {
            return false;
        }
        return group.charAt(n - 1) - '0' == compute(group, 0, n - 1);
    }

    /** Appends the check digit to {@code data}; handy for making valid synthetic groups. */
    public static String complete(CharSequence data) {
        return data.toString() + compute(data, 0, data.length());
    }
}
