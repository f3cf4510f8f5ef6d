package org.gapdesk.web;

import java.util.List;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.batch.Batch;
import org.gapdesk.confirm.ConfirmResult;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.worksheet.ChannelInstructions;

/**
 * What the call page shows: one request of a batch (or one on its own), where it stands in the batch, the CID
 * as keyed so far, and the answer to the last attempt when the page comes back from a form post.
 *
 * @param batch the batch being worked through, or null for a request on its own
 * @param instructions the batch channel's instructions (number or portal address), or null
 * @param request the request shown, or null when every request of the batch has a CID
 * @param position 1-based position of the request in the batch
 * @param size number of requests on the batch
 * @param withCid requests of the batch with a CID on record
 * @param waiting requests of the batch still waiting for a CID
 * @param machineCount distinct machines on the batch
 * @param previousUrl the previous request's call page, or null
 * @param skipUrl the next waiting request's call page, or null
 * @param postUrl where the CID form posts
 * @param cidValue the CID as keyed, grouped in blocks (empty on a fresh page)
 * @param blocks blocks A to H of {@code cidValue} with their status
 * @param result the answer to the last attempt, or null
 * @param overrode true when the last attempt overrode a check-digit warning
 * @param stored the request whose CID was just stored, for a notice, or null
 */
public record CallView(Batch batch, ChannelInstructions instructions, ActivationRequest request, int position,
        int size, long withCid, long waiting, long machineCount, String previousUrl, String skipUrl, String postUrl,
        String cidValue, List<CidBlocks.Block> blocks, ConfirmResult result, boolean overrode,
        ActivationRequest stored) {

    /** {@code Machine 3 of 12}, or {@code Entry 3 of 12} when a machine has several products on the batch. */
    public String positionLabel() {
        return (machineCount == size ? "Machine " : "Entry ") + position + " of " + size;
    }

    /** The site's telephone number or portal address for the batch's channel, or null when none is configured. */
    public String contact() {
        if (instructions == null || instructions.contact().equals(ChannelInstructions.NO_NUMBER)
                || instructions.contact().equals(ChannelInstructions.NO_ADDRESS)) {
            return null;
        }
        return instructions.contact();
    }

    /** The batch page, or the request's page for a request on its own. */
    public String backUrl() {
        return batch != null ? "/batches/" + batch.id() : request != null ? "/requests/" + request.id() : "/requests";
    }

    /** True when a 42-digit CID (XP, blocks A to G) fits this request's IID. */
    public boolean acceptsXpCid() {
        return request != null && request.iid().layout() != InstallationId.Layout.GROUPS_OF_7;
    }

    /** The lengths a complete CID may have, as the script reads them: {@code 48} or {@code 48 42}. */
    public String cidLengths() {
        return acceptsXpCid() ? "48 42" : "48";
    }

    /** The request's CID on record, grouped, or null. */
    public String cidOnRecord() {
        return request == null ? null : grouped(request.cid());
    }

    /** The different CID on record that the last attempt ran into, grouped, or null. */
    public String conflictingCid() {
        return result == null || result.status() != ConfirmStatus.DIFFERENT_CID_ON_RECORD ? null
                : grouped(result.cidOnRecord());
    }

    public boolean checkWarning() {
        return result != null && result.status() == ConfirmStatus.CHECK_WARNING;
    }

    public boolean differentCid() {
        return result != null && result.status() == ConfirmStatus.DIFFERENT_CID_ON_RECORD;
    }

    public boolean refused() {
        return result != null && result.status() == ConfirmStatus.REFUSED;
    }

    /** The form action that replaces the CID on record, keeping an override already given. */
    public String replaceAction() {
        return overrode ? "keep-replace" : "replace";
    }

    private static String grouped(String cid) {
        if (cid == null) {
            return null;
        }
        try {
            return ConfirmationId.parse(cid).grouped();
        } catch (IdFormatException e) {
            return cid;
        }
    }
}
