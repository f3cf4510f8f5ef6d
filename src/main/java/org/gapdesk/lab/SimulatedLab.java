package org.gapdesk.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A lab in memory that answers like CIM, for tests and demos. It "knows" the CID Microsoft issued for each
 * IID ({@link #issue}) and answers a deposit as a machine would:
 * <ul>
 * <li>{@link Hresult#HARDWARE_CHANGED} on a machine flagged {@link #hardwareChanged};</li>
 * <li>{@link Hresult#KEY_BLOCKED} or {@link Hresult#MAK_LIMIT} for a product flagged so;</li>
 * <li>{@link Hresult#CID_INVALID} when the IID is not the product's current one or the CID is not the one
 * issued for it;</li>
 * <li>else 0, and the product reads {@code LicenseStatus = 1} after the next refresh.</li>
 * </ul>
 * Not thread-safe.
 */
public final class SimulatedLab implements LabInventory {
    private final Map<String, List<LabProduct>> machines = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> issued = new HashMap<>();
    private final Set<String> hardwareChanged = new HashSet<>();
    private final Set<String> makLimit = new HashSet<>();
    private final Set<String> keyBlocked = new HashSet<>();
    private final Set<String> pendingLicensed = new HashSet<>();
    private final List<String> deposits = new ArrayList<>();

    /** Adds {@code product} to {@code machine} (creating the machine). */
    public SimulatedLab product(String machine, LabProduct product) {
        machines.computeIfAbsent(key(machine), k -> new ArrayList<>()).add(product);
        names.putIfAbsent(key(machine), machine);
        return this;
    }

    /** Records that Microsoft issued {@code cid} for {@code iid}: depositing that pair succeeds. */
    public SimulatedLab issue(String iid, String cid) {
        issued.put(iid, cid);
        return this;
    }

    /** The CID issued for {@code iid} (what Microsoft would answer), or null when none was. */
    public String issuedCid(String iid) {
        return issued.get(iid);
    }

    /** Makes {@code machine}'s product {@code activationId} show {@code newIid} from now on. */
    public SimulatedLab changeIid(String machine, String activationId, String newIid) {
        replace(machine, activationId, p -> p.withInstallationId(newIid));
        return this;
    }

    /** Flags {@code machine} as changed beyond hardware tolerance: every deposit fails with 0xC004F00F. */
    public SimulatedLab hardwareChanged(String machine) {
        hardwareChanged.add(key(machine));
        return this;
    }

    /** Flags the MAK behind {@code activationId} on {@code machine} as out of activations (0xC004C020). */
    public SimulatedLab makLimitReached(String machine, String activationId) {
        makLimit.add(key(machine) + "|" + key(activationId));
        return this;
    }

    /** Flags the key behind {@code activationId} on {@code machine} as blocked (0xC004C003). */
    public SimulatedLab keyBlocked(String machine, String activationId) {
        keyBlocked.add(key(machine) + "|" + key(activationId));
        return this;
    }

    /** Every deposit call so far, as {@code machine|activationId|iid|cid}. */
    public List<String> deposits() {
        return List.copyOf(deposits);
    }

    /** A view of this lab as seen from one of its machines (the toolkit run locally there). */
    public LabInventory onlyMachine(String machine) {
        SimulatedLab lab = this;
        return new LabInventory() {
            @Override
            public List<String> machines() {
                return lab.machines().stream().filter(m -> m.equalsIgnoreCase(machine)).toList();
            }

            @Override
            public List<LabProduct> products(String m) {
                return lab.products(m);
            }

            @Override
            public int deposit(String m, String activationId, String iid, String cid) {
                return lab.deposit(m, activationId, iid, cid);
            }

            @Override
            public void refreshLicenseStatus(String m) {
                lab.refreshLicenseStatus(m);
            }
        };
    }

    @Override
    public List<String> machines() {
        return List.copyOf(names.values());
    }

    @Override
    public List<LabProduct> products(String machine) {
        return List.copyOf(machines.getOrDefault(key(machine), List.of()));
    }

    @Override
    public int deposit(String machine, String activationId, String installationId, String confirmationId) {
        deposits.add(machine + "|" + activationId + "|" + installationId + "|" + confirmationId);
        LabProduct product = products(machine).stream()
                .filter(p -> p.activationId().equalsIgnoreCase(activationId)).findFirst().orElse(null);
        String slot = key(machine) + "|" + key(activationId);
        if (product == null) {
            return Hresult.CID_INVALID;
        }
        if (hardwareChanged.contains(key(machine))) {
            return Hresult.HARDWARE_CHANGED;
        }
        if (keyBlocked.contains(slot)) {
            return Hresult.KEY_BLOCKED;
        }
        if (makLimit.contains(slot)) {
            return Hresult.MAK_LIMIT;
        }
        if (!product.installationId().equals(installationId) || !confirmationId.equals(issued.get(installationId))) {
            return Hresult.CID_INVALID;
        }
        pendingLicensed.add(slot);
        return 0;
    }

    @Override
    public void refreshLicenseStatus(String machine) {
        for (String slot : new ArrayList<>(pendingLicensed)) {
            if (slot.startsWith(key(machine) + "|")) {
                String activationId = slot.substring(slot.indexOf('|') + 1);
                replace(machine, activationId, p -> p.withLicenseStatus(1));
                pendingLicensed.remove(slot);
            }
        }
    }

    private void replace(String machine, String activationId, java.util.function.UnaryOperator<LabProduct> change) {
        List<LabProduct> list = machines.get(key(machine));
        if (list == null) {
            throw new IllegalArgumentException("no machine " + machine);
        }
        list.replaceAll(p -> p.activationId().equalsIgnoreCase(activationId) ? change.apply(p) : p);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
