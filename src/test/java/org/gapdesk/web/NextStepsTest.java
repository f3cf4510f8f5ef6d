package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gapdesk.activation.RequestState;
import org.gapdesk.store.StateCount;
import org.junit.jupiter.api.Test;

class NextStepsTest {
    @Test
    void saysWhatToDoPerLabInLifecycleOrderAndSkipsRestingStates() {
        List<StateCount> counts = List.of(
                new StateCount("LAB-B", RequestState.KMS_CLIENT, 3),
                new StateCount("LAB-A", RequestState.CONFIRMED, 1),
                new StateCount("LAB-A", RequestState.RECEIVED, 12),
                new StateCount("LAB-A", RequestState.APPLIED, 40),
                new StateCount("LAB-A", RequestState.SUPERSEDED, 2),
                new StateCount("LAB-B", RequestState.KMS_CLIENT, 0));

        List<NextSteps.Step> steps = NextSteps.from(counts);

        assertEquals(List.of(
                "LAB-A: 12 received \u2014 make a worksheet",
                "LAB-A: 1 confirmed \u2014 export a signed bundle for the lab",
                "LAB-B: 3 KMS clients need a KMS host or a MAK"),
                steps.stream().map(NextSteps.Step::text).toList());
        assertEquals("/batches?lab=LAB-A", steps.get(0).href(), "received: make the lab's batch");
        assertEquals("/bundles?lab=LAB-A", steps.get(1).href(), "confirmed: export the lab's bundle");
        assertEquals("/requests?lab=LAB-B&state=kms_client", steps.get(2).href(), "KMS clients: read them first");
    }

    @Test
    void encodesLabCodesInLinks() {
        List<NextSteps.Step> steps = NextSteps.from(List.of(new StateCount("LAB A&B", RequestState.FAILED, 1)));

        assertEquals("/requests?lab=LAB+A%26B&state=failed", steps.get(0).href());
    }

    @Test
    void nothingWaitingMeansNoSteps() {
        assertEquals(List.of(), NextSteps.from(List.of()));
    }
}
