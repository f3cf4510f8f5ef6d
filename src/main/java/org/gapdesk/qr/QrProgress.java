package org.gapdesk.qr;

import java.util.ArrayList;
import java.util.List;

/**
 * How far one multi-part message has come.
 *
 * @param messageId the message id
 * @param count parts in the message
 * @param received the part numbers received, ascending
 */
public record QrProgress(String messageId, int count, List<Integer> received) {
    public QrProgress {
        received = List.copyOf(received);
    }

    /** Parts received. */
    public int have() {
        return received.size();
    }

    /** True when every part is there. */
    public boolean complete() {
        return received.size() == count;
    }

    /** The part numbers still missing, ascending. */
    public List<Integer> missing() {
        List<Integer> out = new ArrayList<>();
        int k = 0;
        for (int i = 1; i <= count; i++) {
            if (k < received.size() && received.get(k) == i) {
                k++;
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /** E.g. {@code QR message 7K3M9Q2D: 12 of 30 parts; missing 3, 7-9, 13-30}. */
    public String summary() {
        String s = "QR message " + messageId + ": " + have() + " of " + count + " parts";
        return complete() ? s : s + "; missing " + ranges(missing());
    }

    /** Ascending numbers as ranges: {@code 3, 7-9, 13}. */
    static String ranges(List<Integer> numbers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            int start = numbers.get(i);
            int end = start;
            while (i + 1 < numbers.size() && numbers.get(i + 1) == end + 1) {
                end = numbers.get(++i);
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(start);
            if (end > start) {
                sb.append('-').append(end);
            }
        }
        return sb.toString();
    }
}
