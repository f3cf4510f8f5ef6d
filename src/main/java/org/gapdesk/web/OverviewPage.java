package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.RequestState;
import org.gapdesk.requests.RequestService;
import org.gapdesk.store.StateCount;

/** The start page: requests by lab and state, and what to do next. */
final class OverviewPage {
    private final Pages pages;
    private final RequestService requests;

    OverviewPage(Pages pages, RequestService requests) {
        this.pages = pages;
        this.requests = requests;
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::show);
    }

    private void show(Context ctx) {
        List<StateCount> counts = requests.counts();
        pages.render(ctx, "overview.jte", "overview", "Overview", Map.of(
                "counts", NextSteps.byLab(counts),
                "states", List.of(RequestState.values()),
                "steps", NextSteps.from(counts)));
    }
}
