package org.gapdesk.worksheet;

import java.time.ZonedDateTime;
import java.util.List;
import org.gapdesk.batch.ActivationChannel;

/**
 * Everything printed on a worksheet: the header and the entries in order.
 *
 * @param siteName site name from {@code site.json}
 * @param lab lab code
 * @param labName the lab's name, or null when the site does not list it
 * @param batchId batch number
 * @param channel channel the worksheet is laid out for
 * @param operator operator who created the batch
 * @param date when the batch was created, in the kiosk's time zone
 * @param fingerprint the kiosk key fingerprint the lab toolkit checks
 * @param instructions the channel's instructions
 * @param paper paper size
 * @param entries the IIDs, in worksheet order
 * @param machineCount number of distinct machines among the entries
 */
public record Worksheet(String siteName, String lab, String labName, long batchId, ActivationChannel channel,
        String operator, ZonedDateTime date, String fingerprint, ChannelInstructions instructions, PaperSize paper,
        List<WorksheetEntry> entries, long machineCount) {
    public Worksheet {
        entries = List.copyOf(entries);
    }
}
