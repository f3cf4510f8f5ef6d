package org.gapdesk.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gapdesk.activation.RequestState;
import org.gapdesk.store.StateCount;

/**
 * The overview's "what to do next" lines, from the request counts: per lab, what waits in each state that
 * needs someone to act, with a link to the page where it is done (or to those requests).
 */
public final class NextSteps {
    /**
     * One thing to do.
     *
     * @param text what to do, e.g. {@code LAB-A: 12 received — make a worksheet}
     * @param href where it is done: the lab's new batch, the open batches, the lab's export, receipts; for what
     *     needs reading first (failures, KMS clients), the requests themselves
     */
    public record Step(String text, String href) {
    }

    private NextSteps() {
    }

    /** The steps for these counts, lab by lab in lab order, in the order of the request lifecycle. */
    public static List<Step> from(List<StateCount> counts) {
        Map<String, Map<RequestState, Long>> byLab = byLab(counts);
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<String, Map<RequestState, Long>> lab : byLab.entrySet()) {
            for (Map.Entry<RequestState, Long> e : lab.getValue().entrySet()) {
                String todo = todo(e.getKey(), e.getValue());
                if (todo != null && e.getValue() > 0) {
                    steps.add(new Step(lab.getKey() + ": " + todo, where(lab.getKey(), e.getKey())));
                }
            }
        }
        return steps;
    }

    /** Counts keyed by lab (sorted) then state (lifecycle order). */
    public static Map<String, Map<RequestState, Long>> byLab(List<StateCount> counts) {
        Map<String, Map<RequestState, Long>> byLab = new TreeMap<>();
        for (StateCount c : counts) {
            byLab.computeIfAbsent(c.lab(), k -> new EnumMap<>(RequestState.class)).merge(c.state(), c.count(),
                    Long::sum);
        }
        return byLab;
    }

    /** The page where the step is done: making a batch, call mode, exporting, receipts; else the requests. */
    private static String where(String lab, RequestState state) {
        String code = URLEncoder.encode(lab, StandardCharsets.UTF_8);
        return switch (state) {
            case RECEIVED -> "/batches?lab=" + code;
            case ON_WORKSHEET -> "/batches?state=open";
            case CONFIRMED -> "/bundles?lab=" + code;
            case EXPORTED -> "/receipts";
            default -> "/requests?lab=" + code + "&state=" + state.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String todo(RequestState state, long n) {
        return switch (state) {
            case RECEIVED -> n + " received \u2014 make a worksheet";
            case ON_WORKSHEET -> n + " on worksheet \u2014 get the CIDs and key them in";
            case CONFIRMED -> n + " confirmed \u2014 export a signed bundle for the lab";
            case EXPORTED -> n + " exported \u2014 import the lab's results file when it comes back";
            case FAILED -> n + " failed \u2014 read the lab's reasons and act on them";
            case KMS_CLIENT -> n + (n == 1 ? " KMS client needs" : " KMS clients need") + " a KMS host or a MAK";
            case APPLIED, SUPERSEDED -> null;
        };
    }
}
