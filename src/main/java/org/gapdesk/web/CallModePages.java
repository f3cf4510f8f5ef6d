package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.Batch;
import org.gapdesk.batch.BatchService;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.requests.RequestService;
import org.gapdesk.worksheet.ChannelInstructions;

/**
 * Call mode: one request at a time, its IID large and group by group for reading out, and the CID keyed in as
 * blocks A to H. {@code GET /batches/{id}/call} shows the batch's first request still waiting for a CID (or
 * {@code ?request=N}); {@code GET /call?request=N} shows one request (on its open batch when it has one).
 * The CID form posts here and works without script; {@code call.js} posts to {@code /api/confirm} instead.
 */
final class CallModePages {
    /** Longest CID text accepted from a form: 48 digits with generous separators. */
    static final int MAX_CID_TEXT = 200;

    private final Pages pages;
    private final BatchService batches;
    private final RequestService requests;
    private final KioskConfig config;
    private final CallFlow flow;

    CallModePages(Pages pages, BatchService batches, RequestService requests, KioskConfig config, CallFlow flow) {
        this.pages = pages;
        this.batches = batches;
        this.requests = requests;
        this.config = config;
        this.flow = flow;
    }

    void register(RoutesConfig routes) {
        routes.get("/batches/{id}/call", this::batchPage);
        routes.post("/batches/{id}/call", this::batchPost);
        routes.get("/call", this::singlePage);
        routes.post("/call", this::singlePost);
    }

    private void batchPage(Context ctx) {
        Batch batch = batch(ctx);
        CallQueue queue = flow.queue(batch.id());
        String wanted = ctx.queryParam("request");
        ActivationRequest current;
        if (wanted == null || wanted.isBlank()) {
            current = queue.firstWaiting().orElse(null);
        } else {
            long id = RequestFilter.id(wanted.strip());
            current = queue.find(id).orElseThrow(() -> new NotFoundResponse(
                    "request " + id + " is not on batch " + batch.id()));
        }
        render(ctx, batchView(batch, queue, current, "", null, false, stored(ctx)), HttpStatus.OK);
    }

    private void batchPost(Context ctx) {
        Batch batch = batch(ctx);
        long requestId = RequestFilter.id(required(ctx, "request"));
        String operator = pages.requireOperator(ctx, "/batches/" + batch.id() + "/call?request=" + requestId);
        Attempt a = Attempt.of(ctx);
        CallFlow.Answer answer = flow.confirm(batch.id(), requestId, a.cid(), a.override(), a.replace(), operator);
        if (answer.next() != null) {
            ctx.redirect(answer.next(), HttpStatus.SEE_OTHER);
            return;
        }
        CallQueue queue = flow.queue(batch.id());
        ActivationRequest current = queue.find(requestId).orElseThrow();
        render(ctx, batchView(batch, queue, current, a.cid(), answer, a.override(), null), status(answer));
    }

    private void singlePage(Context ctx) {
        long requestId = RequestFilter.id(required(ctx, "request"));
        Optional<Batch> open = batches.openBatchOf(requestId);
        if (open.isPresent()) {
            ctx.redirect("/batches/" + open.get().id() + "/call?request=" + requestId, HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, singleView(request(requestId), "", null, false), HttpStatus.OK);
    }

    private void singlePost(Context ctx) {
        long requestId = RequestFilter.id(required(ctx, "request"));
        String operator = pages.requireOperator(ctx, "/call?request=" + requestId);
        Attempt a = Attempt.of(ctx);
        CallFlow.Answer answer = flow.confirm(null, requestId, a.cid(), a.override(), a.replace(), operator);
        if (answer.next() != null) {
            ctx.redirect(answer.next(), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, singleView(request(requestId), a.cid(), answer, a.override()), status(answer));
    }

    private CallView batchView(Batch batch, CallQueue queue, ActivationRequest current, String cid,
            CallFlow.Answer answer, boolean overrode, ActivationRequest stored) {
        String base = "/batches/" + batch.id() + "/call?request=";
        String previous = null;
        String skip = null;
        int position = 0;
        if (current != null) {
            position = queue.position(current.id());
            previous = queue.previous(current.id()).map(r -> base + r.id()).orElse(null);
            skip = queue.nextWaiting(current.id()).map(r -> base + r.id()).orElse(null);
        }
        return new CallView(batch, instructions(batch.channel()), current, position, queue.size(), queue.withCid(),
                queue.waiting(), queue.machineCount(), previous, skip, "/batches/" + batch.id() + "/call",
                CidBlocks.grouped(cid), CidBlocks.of(cid), answer == null ? null : answer.result(), overrode, stored);
    }

    private CallView singleView(ActivationRequest r, String cid, CallFlow.Answer answer, boolean overrode) {
        CallQueue one = new CallQueue(List.of(r));
        return new CallView(null, null, r, 1, 1, one.withCid(), one.waiting(), 1, null, null, "/call",
                CidBlocks.grouped(cid), CidBlocks.of(cid), answer == null ? null : answer.result(), overrode, null);
    }

    private void render(Context ctx, CallView view, HttpStatus status) {
        String title = view.batch() == null ? "Call mode: request " + view.request().id()
                : "Call mode: batch " + view.batch().id() + " \u00b7 " + view.batch().lab() + " \u00b7 "
                        + view.batch().channel().label();
        ctx.status(status);
        pages.render(ctx, "call.jte", "batches", title, Map.of("view", view));
    }

    private static HttpStatus status(CallFlow.Answer answer) {
        return answer.result().status() == ConfirmStatus.REFUSED ? HttpStatus.UNPROCESSABLE_CONTENT
                : HttpStatus.OK;
    }

    private ChannelInstructions instructions(ActivationChannel channel) {
        return ChannelInstructions.from(config.channels(), channel);
    }

    private Batch batch(Context ctx) {
        long id = BatchPages.id(ctx.pathParam("id"));
        return batches.find(id).orElseThrow(() -> new NotFoundResponse("there is no batch " + id));
    }

    private ActivationRequest request(long id) {
        return requests.find(id).orElseThrow(() -> new NotFoundResponse("no request " + id));
    }

    /** The request named by {@code ?stored=N}, for the "CID stored" notice; absent when it is not a request. */
    private ActivationRequest stored(Context ctx) {
        String s = ctx.queryParam("stored");
        if (s == null || !s.matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return requests.find(Long.parseLong(s)).orElse(null);
    }

    private static String required(Context ctx, String name) {
        String v = ctx.method().name().equals("GET") ? ctx.queryParam(name) : ctx.formParam(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("which request? " + name + " is missing");
        }
        return v.strip();
    }

    /**
     * One CID attempt from the call form: the CID text and which button sent it ({@code confirm}, {@code keep}:
     * override a check-digit warning, {@code replace}: replace a different CID on record, {@code keep-replace}:
     * both).
     */
    record Attempt(String cid, boolean override, boolean replace) {
        static Attempt of(Context ctx) {
            String cid = ctx.formParam("cid");
            if (cid == null) {
                cid = "";
            }
            if (cid.length() > MAX_CID_TEXT) {
                throw new IllegalArgumentException("the Confirmation ID field holds " + cid.length()
                        + " characters; a CID has 48 digits");
            }
            String action = ctx.formParam("action");
            action = action == null ? "confirm" : action;
            return switch (action) {
                case "confirm" -> new Attempt(cid, false, false);
                case "keep" -> new Attempt(cid, true, false);
                case "replace" -> new Attempt(cid, false, true);
                case "keep-replace" -> new Attempt(cid, true, true);
                default -> throw new IllegalArgumentException("unknown action; use the buttons of the call page");
            };
        }
    }
}
