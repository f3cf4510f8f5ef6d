package org.gapdesk.licensing;

import java.util.List;

/**
 * Licensing advice for one lab, from the requests the kiosk holds for it (superseded ones left out).
 *
 * @param lab lab code
 * @param labName the lab's name from the site settings, or null
 * @param machines machines by product family and key channel
 * @param clients Windows client machines against the KMS client threshold
 * @param servers Windows Server machines against the KMS server threshold
 * @param kmsClientMachines machines with a KMS client ({@code Volume:GVLK}) product, by name
 * @param kmsClientProducts KMS client products (one machine may have several)
 * @param keyedActivations activations that cost a call (IIDs whose CID was keyed in)
 * @param savedByReuse requests confirmed from the CID store without a call: activations not spent
 * @param advice plain-language sentences, most important first
 */
public record LabAdvice(String lab, String labName, List<MachineCount> machines, KmsThreshold clients,
        KmsThreshold servers, List<String> kmsClientMachines, int kmsClientProducts, int keyedActivations,
        int savedByReuse, List<String> advice) {
    public LabAdvice {
        machines = List.copyOf(machines);
        kmsClientMachines = List.copyOf(kmsClientMachines);
        advice = List.copyOf(advice);
    }
}
