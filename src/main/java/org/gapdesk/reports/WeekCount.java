package org.gapdesk.reports;

import java.time.LocalDate;

/**
 * Activations keyed in one week, by the channel of the worksheet batch they went through.
 *
 * @param weekStart the Monday the week starts on (kiosk time zone)
 * @param phone through a telephone batch
 * @param portal through a portal batch
 * @param unknown keyed without a batch (channel unknown)
 */
public record WeekCount(LocalDate weekStart, int phone, int portal, int unknown) {
    /** All activations of the week. */
    public int total() {
        return phone + portal + unknown;
    }
}
