package org.gapdesk.licensing;

/**
 * A lab's machine count against a KMS activation threshold (reference §4: a KMS host activates nobody until it
 * has seen 25 client machines, or 5 for servers).
 *
 * @param kind {@code Windows client} or {@code Windows Server}
 * @param machines the lab's machines of that kind known to the kiosk
 * @param needed the threshold: 25 or 5
 */
public record KmsThreshold(String kind, int machines, int needed) {
    /** Client machines a KMS host must see before it activates clients. */
    public static final int CLIENTS = 25;
    /** Machines a KMS host must see before it activates servers. */
    public static final int SERVERS = 5;

    /** True when the count reaches the threshold. */
    public boolean reached() {
        return machines >= needed;
    }
}
