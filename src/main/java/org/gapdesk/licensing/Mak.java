package org.gapdesk.licensing;

import java.time.Instant;

/**
 * A MAK in the pool.
 *
 * @param id record id
 * @param key its last five characters
 * @param keyGroup the product key group it activates, as the administrator wrote it
 * @param addedBy operator who recorded it
 * @param addedAt when
 */
public record Mak(long id, MakKey key, String keyGroup, String addedBy, Instant addedAt) {
    /** The last five characters. */
    public String last5() {
        return key.last5();
    }
}
