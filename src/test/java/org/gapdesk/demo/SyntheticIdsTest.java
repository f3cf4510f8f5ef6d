package org.gapdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.InstallationId;
import org.junit.jupiter.api.Test;

class SyntheticIdsTest {
    @Test
    void theSameSeedGivesTheSameSequence() {
        SyntheticIds a = new SyntheticIds(7);
        SyntheticIds b = new SyntheticIds(7);
        for (int i = 0; i < 20; i++) {
            assertEquals(a.iid63(), b.iid63());
            assertEquals(a.cid48(), b.cid48());
        }
        assertNotEquals(new SyntheticIds(7).iid63(), new SyntheticIds(8).iid63());
    }

    @Test
    void everyIdPassesValidation() {
        SyntheticIds ids = new SyntheticIds(1);
        for (int i = 0; i < 1000; i++) {
            assertEquals(InstallationId.Layout.GROUPS_OF_7, InstallationId.parse(ids.iid63()).layout());
            assertEquals(InstallationId.Layout.GROUPS_OF_6, InstallationId.parse(ids.iid54()).layout());
            ConfirmationId cid = ConfirmationId.parse(ids.cid48());
            assertEquals(48, cid.digits().length());
            assertTrue(cid.checksPass());
        }
    }
}
