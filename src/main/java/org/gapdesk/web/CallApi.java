package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.confirm.ConfirmResult;
import org.gapdesk.confirm.ConfirmStatus;

/**
 * {@code POST /api/confirm} (form fields {@code request}, {@code cid}, {@code override}, {@code replace} and
 * optionally {@code batch}): records a keyed CID through the confirmation service and answers where call mode
 * goes next. A warning or refusal is an answer (200), not an error: {@code status} says which.
 */
final class CallApi {
    /**
     * The answer.
     *
     * @param status {@code STORED}, {@code UNCHANGED}, {@code CHECK_WARNING}, {@code DIFFERENT_CID_ON_RECORD} or
     *     {@code REFUSED}
     * @param stored true when the CID is now on record
     * @param message the service's words for the operator
     * @param requestId the request concerned
     * @param failedBlocks letters of the blocks whose check digit fails
     * @param cidOnRecord the different CID already on record, grouped, or null
     * @param next the call page to show next once stored, else null
     */
    record Answer(String status, boolean stored, String message, Long requestId, List<String> failedBlocks,
            String cidOnRecord, String next) {
    }

    private final Pages pages;
    private final CallFlow flow;

    CallApi(Pages pages, CallFlow flow) {
        this.pages = pages;
        this.flow = flow;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/confirm", this::confirm);
    }

    private void confirm(Context ctx) {
        long requestId = RequestFilter.id(field(ctx, "request"));
        String batch = ctx.formParam("batch");
        Long batchId = batch == null || batch.isBlank() ? null : BatchPages.id(batch.strip());
        String operator = pages.requireOperator(ctx, "/call?request=" + requestId);
        String cid = ctx.formParam("cid");
        if (cid == null || cid.length() > CallModePages.MAX_CID_TEXT) {
            throw new IllegalArgumentException("cid must hold the Confirmation ID (48 digits)");
        }
        CallFlow.Answer a = flow.confirm(batchId, requestId, cid, flag(ctx, "override"), flag(ctx, "replace"),
                operator);
        ConfirmResult r = a.result();
        ctx.json(new Answer(r.status().name(), r.status().stored(), r.message(), r.requestId(),
                r.failedBlocks().stream().map(String::valueOf).toList(),
                r.status() == ConfirmStatus.DIFFERENT_CID_ON_RECORD ? grouped(r.cidOnRecord())
                        : null,
                a.next()));
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return v.strip();
    }

    private static boolean flag(Context ctx, String name) {
        String v = ctx.formParam(name);
        return "true".equals(v) || "yes".equals(v) || "1".equals(v);
    }

    private static String grouped(String cid) {
        try {
            return cid == null ? null : ConfirmationId.parse(cid).grouped();
        } catch (IdFormatException e) {
            return cid;
        }
    }
}
