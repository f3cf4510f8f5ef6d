package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gapdesk.activation.RequestState;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.Batch;
import org.gapdesk.batch.BatchContent;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchException;
import org.gapdesk.batch.BatchService;
import org.gapdesk.batch.BatchState;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.config.Lab;
import org.gapdesk.mail.WorksheetMailer;
import org.gapdesk.requests.RequestService;
import org.gapdesk.store.StateCount;
import org.gapdesk.worksheet.ChannelInstructions;
import org.gapdesk.worksheet.Worksheet;
import org.gapdesk.worksheet.WorksheetService;

/**
 * Worksheet batches: the list with a form for a new batch from a lab's received requests
 * ({@code /batches}), one batch with its requests and states ({@code /batches/{id}}), its worksheet PDF
 * ({@code /batches/{id}/worksheet.pdf}, the same content on every reprint), closing it, and mailing the
 * worksheet when mail is configured (in the background: a mail failure is shown, never in the way).
 */
final class BatchPages {
    /** Most batches listed. */
    static final int MAX_ROWS = 200;
    /** Longest product filter accepted. */
    static final int MAX_PRODUCT_FILTER = 100;

    private final Pages pages;
    private final BatchService batches;
    private final WorksheetService worksheets;
    private final RequestService requests;
    private final KioskConfig config;
    private final BatchMail mail;

    BatchPages(Pages pages, BatchService batches, WorksheetService worksheets, RequestService requests,
            KioskConfig config, BatchMail mail) {
        this.pages = pages;
        this.batches = batches;
        this.worksheets = worksheets;
        this.requests = requests;
        this.config = config;
        this.mail = mail;
    }

    void register(RoutesConfig routes) {
        routes.get("/batches", this::list);
        routes.post("/batches", this::create);
        routes.get("/batches/{id}", this::detail);
        routes.get("/batches/{id}/worksheet.pdf", this::worksheet);
        routes.post("/batches/{id}/close", this::close);
        routes.post("/batches/{id}/mail", this::mail);
    }

    /** A batch number from a path. @throws IllegalArgumentException unless it is a positive number */
    static long id(String text) {
        if (text != null && text.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(text);
        }
        String shown = text == null ? "" : text.length() > 30 ? text.substring(0, 30) + "..." : text;
        throw new IllegalArgumentException("'" + shown + "' is not a batch number");
    }

    private void list(Context ctx) {
        showList(ctx, null, null, HttpStatus.OK);
    }

    private void showList(Context ctx, String problem, Map<String, String> form, HttpStatus status) {
        String stateParam = ctx.queryParam("state");
        BatchState state = "open".equals(stateParam) ? BatchState.OPEN
                : "closed".equals(stateParam) ? BatchState.CLOSED : null;
        List<Batch> rows = batches.list(null, state, MAX_ROWS + 1);
        boolean more = rows.size() > MAX_ROWS;
        Map<String, Object> params = new HashMap<>();
        params.put("rows", more ? rows.subList(0, MAX_ROWS) : rows);
        params.put("more", more);
        params.put("state", state == null ? "" : stateParam);
        List<LabReady> labs = labsReady();
        params.put("labs", labs);
        String asked = ctx.queryParam("lab");
        params.put("selectedLab", form != null && form.get("lab") != null ? form.get("lab")
                : asked != null && labs.stream().anyMatch(l -> l.code().equals(asked)) ? asked
                : labs.stream().filter(l -> l.ready() > 0).map(LabReady::code).findFirst().orElse(""));
        params.put("channels", List.of(ActivationChannel.values()));
        params.put("problem", problem);
        params.put("form", form == null ? Map.of() : form);
        ctx.status(status);
        pages.render(ctx, "batches.jte", "batches", "Batches", params);
    }

    /** The site's labs and any other lab with requests, with how many requests a new batch would take. */
    private List<LabReady> labsReady() {
        Set<String> codes = new LinkedHashSet<>();
        for (Lab lab : pages.site().labs()) {
            codes.add(lab.code());
        }
        for (StateCount c : requests.counts()) {
            codes.add(c.lab());
        }
        List<LabReady> out = new ArrayList<>();
        for (String code : codes) {
            out.add(LabReady.of(code, pages.site().labs(), batches));
        }
        return out;
    }

    private void create(Context ctx) {
        String operator = pages.requireOperator(ctx, "/batches");
        Map<String, String> form = new HashMap<>();
        for (String f : List.of("lab", "channel", "product", "again")) {
            String v = ctx.formParam(f);
            form.put(f, v == null ? "" : v.strip());
        }
        Batch batch;
        try {
            if (form.get("product").length() > MAX_PRODUCT_FILTER) {
                throw new BatchException("the product filter is longer than " + MAX_PRODUCT_FILTER + " characters");
            }
            ActivationChannel channel;
            try {
                channel = ActivationChannel.parse(form.get("channel"));
            } catch (IllegalArgumentException e) {
                throw new BatchException("choose a channel: phone or portal");
            }
            Set<RequestState> states = "yes".equals(form.get("again"))
                    ? EnumSet.of(RequestState.RECEIVED, RequestState.ON_WORKSHEET) : EnumSet.of(RequestState.RECEIVED);
            batch = batches.create(new BatchCriteria(form.get("lab"), states, form.get("product"), null), channel,
                    operator);
        } catch (BatchException e) {
            showList(ctx, e.getMessage(), form, HttpStatus.BAD_REQUEST);
            return;
        }
        ctx.redirect(BatchView.pageWithWorksheet(batch.id()), HttpStatus.SEE_OTHER);
    }

    private void detail(Context ctx) {
        long id = id(ctx.pathParam("id"));
        BatchContent content = content(id);
        CallQueue queue = new CallQueue(content.requests());
        BatchView view = new BatchView(content.batch(), content.requests(), queue.withCid(), queue.waiting(),
                queue.machineCount(), ChannelInstructions.from(config.channels(), content.batch().channel()),
                mail.enabled(), mail.describe(), mail.status(id));
        pages.render(ctx, "batch.jte", "batches", "Batch " + id, Map.of("view", view,
                "showWorksheet", BatchView.SHOW_WORKSHEET.equals(ctx.queryParam("worksheet"))));
    }

    private void worksheet(Context ctx) {
        long id = id(ctx.pathParam("id"));
        content(id);
        Worksheet ws = worksheets.worksheet(id);
        byte[] pdf = worksheets.pdf(ws);
        boolean download = "1".equals(ctx.queryParam("download"));
        ctx.contentType("application/pdf");
        if (!download) {
            SecurityHeaders.allowFramingBySelf(ctx);
        }
        ctx.header("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\""
                + WorksheetMailer.fileName(ws) + "\"");
        ctx.result(pdf);
    }

    private void close(Context ctx) {
        long id = id(ctx.pathParam("id"));
        String operator = pages.requireOperator(ctx, "/batches/" + id);
        content(id);
        try {
            batches.close(id, operator);
        } catch (BatchException e) {
            throw new ConflictResponse(e.getMessage());
        }
        ctx.redirect("/batches/" + id, HttpStatus.SEE_OTHER);
    }

    private void mail(Context ctx) {
        long id = id(ctx.pathParam("id"));
        pages.requireOperator(ctx, "/batches/" + id);
        content(id);
        if (!mail.enabled()) {
            throw new ConflictResponse("worksheets cannot be mailed: " + mail.describe());
        }
        Worksheet ws = worksheets.worksheet(id);
        mail.send(ws, worksheets.pdf(ws));
        ctx.redirect("/batches/" + id + "#mail", HttpStatus.SEE_OTHER);
    }

    private BatchContent content(long id) {
        try {
            return batches.content(id);
        } catch (BatchException e) {
            throw new NotFoundResponse(e.getMessage());
        }
    }
}
