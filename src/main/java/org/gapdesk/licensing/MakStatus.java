package org.gapdesk.licensing;

/**
 * Where a MAK stands now, by the local count: the latest reading minus the activations keyed since.
 *
 * @param mak the MAK
 * @param latest its latest reading (latest {@code readAt}; of two at the same moment, the one entered last)
 * @param activationsSince activations counted since that reading (see {@link KeyedActivations})
 * @param remainingNow {@code latest.remaining() - activationsSince}; negative when more were keyed than the
 *     reading allowed (the reading is stale, or the key is over its limit)
 * @param threshold the warning threshold applied
 * @param level ok, low or used up
 */
public record MakStatus(Mak mak, MakReading latest, int activationsSince, long remainingNow, int threshold,
        MakLevel level) {

    /** The last five characters. */
    public String last5() {
        return mak.last5();
    }

    /** The key group. */
    public String keyGroup() {
        return mak.keyGroup();
    }

    /** One sentence: the count and how it was reached, plus the warning when there is one. */
    public String summary() {
        String count = mak.key().label() + " (" + keyGroup() + "): " + remainingNow + " remaining = "
                + latest.remaining() + " read on " + latest.readOn() + " minus " + activationsSince
                + (activationsSince == 1 ? " activation" : " activations") + " keyed since";
        return switch (level) {
            case OK -> count + ".";
            case LOW -> count + ". Low: at or below the warning threshold of " + threshold
                    + ". Ask for more activations, or read VLSC again and record the new count.";
            case USED_UP -> count + ". Used up by the local count: the next activation may fail with 0xC004C020"
                    + " (MAK activation limit reached). Read VLSC again, or ask Microsoft for more activations.";
        };
    }
}
