package org.gapdesk.batch;

import java.util.Comparator;

/**
 * Compares names as people sort them: case-insensitive, runs of digits by value ({@code PC-2} before
 * {@code PC-10}).
 */
final class NaturalOrder implements Comparator<String> {
    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && isDigit(b.charAt(ej))) {
                    ej++;
                }
                String na = stripZeros(a.substring(i, ei));
                String nb = stripZeros(b.substring(j, ej));
                int cmp = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (cmp != 0) {
                    return cmp;
                }
                i = ei;
                j = ej;
            } else {
                int cmp = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (cmp != 0) {
                    return cmp;
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        return rest != 0 ? rest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
