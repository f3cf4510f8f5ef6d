package org.gapdesk.licensing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One reading of a MAK's remaining activations, as the administrator read it at VLSC (or VAMT).
 *
 * @param id record id
 * @param last5 the MAK
 * @param remaining the count read
 * @param readOn the date it was read, as entered
 * @param readAt the moment the local count-down starts from: the start of {@code readOn} in the kiosk's time
 *     zone, or the time entered with it
 * @param recordedBy operator who entered it
 * @param recordedAt when it was entered
 */
public record MakReading(long id, String last5, int remaining, LocalDate readOn, Instant readAt, String recordedBy,
        Instant recordedAt) {
}
