package org.gapdesk.web;

import java.util.List;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.batch.Batch;
import org.gapdesk.worksheet.ChannelInstructions;

/**
 * What the batch page shows.
 *
 * @param batch the batch
 * @param requests its requests in worksheet order, with their states now
 * @param withCid requests with a CID on record
 * @param waiting requests still waiting for a CID
 * @param machineCount distinct machines
 * @param instructions the channel's instructions
 * @param mailOn true when worksheets can be mailed
 * @param mailSettings where mail goes, or why it is off
 * @param mail the last mail of this batch's worksheet, or null
 */
public record BatchView(Batch batch, List<ActivationRequest> requests, long withCid, long waiting, long machineCount,
        ChannelInstructions instructions, boolean mailOn, String mailSettings, MailStatus mail) {
    public BatchView {
        requests = List.copyOf(requests);
    }

    /** The value of {@code ?worksheet=} that shows the worksheet PDF inside the batch page. */
    static final String SHOW_WORKSHEET = "shown";

    /** The worksheet PDF's address. */
    public String worksheetUrl() {
        return "/batches/" + batch.id() + "/worksheet.pdf";
    }

    /** The batch page with its worksheet shown in it. */
    public String pageWithWorksheetUrl() {
        return pageWithWorksheet(batch.id());
    }

    /** The page of batch {@code id} with its worksheet shown in it: where making a batch leads. */
    static String pageWithWorksheet(long id) {
        return "/batches/" + id + "?worksheet=" + SHOW_WORKSHEET + "#worksheet";
    }
}
