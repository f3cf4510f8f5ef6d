package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.RequestState;
import org.gapdesk.audit.AuditLog;
import org.gapdesk.licensing.LicensingFlags;
import org.gapdesk.requests.RequestService;

/**
 * The request list (filter by lab and state, search by host or IID digits) and one request with its history and
 * its audit trail. Both show the licensing flags ({@link LicensingFlags}): they inform, never block.
 */
final class RequestPages {
    /** Most rows on the list page. */
    static final int MAX_ROWS = 500;

    private final Pages pages;
    private final RequestService requests;
    private final AuditLog audit;
    private final LicensingFlags flags;

    RequestPages(Pages pages, RequestService requests, AuditLog audit, LicensingFlags flags) {
        this.pages = pages;
        this.requests = requests;
        this.audit = audit;
        this.flags = flags;
    }

    void register(RoutesConfig routes) {
        routes.get("/requests", this::list);
        routes.get("/requests/{id}", this::detail);
    }

    private void list(Context ctx) {
        RequestFilter f = RequestFilter.of(ctx);
        List<ActivationRequest> rows = requests.list(f.lab(), f.state(), f.search(), MAX_ROWS + 1);
        boolean more = rows.size() > MAX_ROWS;
        Map<String, Object> params = new HashMap<>();
        List<ActivationRequest> shown = more ? rows.subList(0, MAX_ROWS) : rows;
        params.put("rows", shown);
        params.put("flags", flags.flagsForAll(shown));
        params.put("more", more);
        params.put("filter", f);
        params.put("labs", pages.site().labs());
        params.put("states", List.of(RequestState.values()));
        pages.render(ctx, "requests.jte", "requests", "Requests", params);
    }

    private void detail(Context ctx) {
        long id = RequestFilter.id(ctx.pathParam("id"));
        ActivationRequest r = requests.find(id).orElseThrow(() -> new NotFoundResponse("no request " + id));
        Map<String, Object> params = new HashMap<>();
        params.put("r", r);
        params.put("history", requests.history(id));
        params.put("trail", audit.forSubject("request " + id));
        params.put("cidBlocks", cidBlocks(r.cid()));
        params.put("flags", flags.flagsFor(r));
        pages.render(ctx, "request.jte", "requests", "Request " + id, params);
    }

    /** The CID in blocks A to H, or as one piece if it does not parse; empty when there is none. */
    private static List<String> cidBlocks(String cid) {
        if (cid == null) {
            return List.of();
        }
        try {
            return ConfirmationId.parse(cid).blocks();
        } catch (IllegalArgumentException e) {
            return List.of(cid);
        }
    }
}
