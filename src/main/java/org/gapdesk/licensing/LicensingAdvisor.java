package org.gapdesk.licensing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gapdesk.activation.Product;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.config.Lab;
import org.gapdesk.store.Database;

/**
 * Licensing advice per lab, applying reference §4: machines by product family and key channel; KMS clients
 * ({@code Volume:GVLK}) that cannot be phone-activated and what to do about them; whether the lab's Windows
 * client and server counts reach the KMS activation thresholds (25 client machines, 5 servers) and what that
 * would mean; and the activations stored-CID reuse saved.
 *
 * <p>A machine counts once per family and channel however many requests it has; superseded requests are left
 * out of the machine counts (a newer IID replaced them).
 */
public final class LicensingAdvisor {
    /** Family name of Windows client products ({@link org.gapdesk.config.ProductCatalog#family}). */
    public static final String WINDOWS = "Windows";
    /** Family name of Windows Server products. */
    public static final String WINDOWS_SERVER = "Windows Server";

    private final Database db;
    private final KioskConfig config;

    public LicensingAdvisor(Database db, KioskConfig config) {
        this.db = db;
        this.config = config;
    }

    /** Advice for every lab: the site's labs in their order, then any other lab in the record, by code. */
    public List<LabAdvice> advice() {
        Map<String, LabData> data = load();
        Set<String> labs = new LinkedHashSet<>();
        for (Lab l : config.site().labs()) {
            labs.add(l.code());
        }
        labs.addAll(new TreeSet<>(data.keySet()));
        List<LabAdvice> out = new ArrayList<>();
        for (String lab : labs) {
            out.add(advise(lab, data.getOrDefault(lab, new LabData())));
        }
        return out;
    }

    /** Advice for one lab (empty when neither the site nor the record knows it). */
    public Optional<LabAdvice> advice(String lab) {
        return advice().stream().filter(a -> a.lab().equalsIgnoreCase(lab)).findFirst();
    }

    /** What the record holds for one lab. */
    private static final class LabData {
        final Map<String, Map<String, Set<String>>> byFamilyChannel = new TreeMap<>();
        final Set<String> kmsMachines = new TreeSet<>();
        int kmsProducts;
        int keyed;
        int reused;
    }

    private Map<String, LabData> load() {
        return db.read(c -> {
            Map<String, LabData> labs = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.lab, m.name, r.activation_id, r.application_id,"
                    + " r.product_name, r.channel, r.partial_key, r.state, r.cid_reused FROM activation_request r"
                    + " JOIN machine m ON m.id = r.machine_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LabData d = labs.computeIfAbsent(rs.getString(1), k -> new LabData());
                    if (rs.getBoolean(9)) {
                        d.reused++;
                    }
                    if ("SUPERSEDED".equals(rs.getString(8))) {
                        continue;
                    }
                    String machine = rs.getString(2);
                    Product p = new Product(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), null);
                    String channel = p.channel() == null ? "unknown" : p.channel();
                    d.byFamilyChannel.computeIfAbsent(config.catalog().family(p), f -> new TreeMap<>())
                            .computeIfAbsent(channel, ch -> new TreeSet<>()).add(machine);
                    if (p.isKmsClient()) {
                        d.kmsMachines.add(machine);
                        d.kmsProducts++;
                    }
                }
            }
            for (KeyedActivation a : KeyedActivations.load(c)) {
                labs.computeIfAbsent(a.lab(), k -> new LabData()).keyed++;
            }
            return labs;
        });
    }

    private LabAdvice advise(String lab, LabData d) {
        List<MachineCount> machines = new ArrayList<>();
        Map<String, Set<String>> byFamily = new LinkedHashMap<>();
        d.byFamilyChannel.forEach((family, channels) -> channels.forEach((channel, names) -> {
            machines.add(new MachineCount(family, channel, names.size()));
            byFamily.computeIfAbsent(family, f -> new TreeSet<>()).addAll(names);
        }));
        KmsThreshold clients = new KmsThreshold("Windows client", byFamily.getOrDefault(WINDOWS, Set.of()).size(),
                KmsThreshold.CLIENTS);
        KmsThreshold servers = new KmsThreshold("Windows Server",
                byFamily.getOrDefault(WINDOWS_SERVER, Set.of()).size(), KmsThreshold.SERVERS);
        Lab configured = config.site().lab(lab);
        return new LabAdvice(lab, configured == null ? null : configured.name(), machines, clients, servers,
                List.copyOf(d.kmsMachines), d.kmsProducts, d.keyed, d.reused, sentences(lab, d, clients, servers));
    }

    static List<String> sentences(String lab, LabData d, KmsThreshold clients, KmsThreshold servers) {
        List<String> out = new ArrayList<>();
        if (d.byFamilyChannel.isEmpty()) {
            out.add("No machines of " + lab + " are in the record yet.");
        }
        int kms = d.kmsMachines.size();
        if (kms > 0) {
            out.add(count(kms, "machine") + " in " + lab + (kms == 1 ? " has" : " have") + " a KMS client key"
                    + " (Volume:GVLK): phone activation does not apply to " + (kms == 1 ? "it" : "them") + ". "
                    + (clients.reached()
                            ? "The lab has enough Windows client machines for a KMS host (see below); otherwise"
                                    + " install a MAK on each (slmgr /ipk) and bring the new Installation IDs"
                                    + " through Gapdesk."
                            : "Install a MAK on each (slmgr /ipk) and bring the new Installation IDs through"
                                    + " Gapdesk" + (clients.machines() > 0 ? ": with " + count(clients.machines(),
                                    "Windows client machine") + " the lab is below the " + KmsThreshold.CLIENTS
                                    + " a KMS host needs before it activates any client." : ".")));
        }
        if (clients.machines() > 0) {
            out.add(clients.reached()
                    ? lab + " has " + count(clients.machines(), "Windows client machine") + ": a KMS host in the lab"
                            + " would activate them without calls; it needs one activation itself by phone through"
                            + " Gapdesk, and clients must reach it every 180 days."
                    : lab + " has " + count(clients.machines(), "Windows client machine") + ": fewer than the "
                            + KmsThreshold.CLIENTS + " a KMS host needs before it activates any client, so KMS"
                            + " would activate none of them; keep activating by MAK through Gapdesk.");
        }
        if (servers.machines() > 0) {
            out.add(servers.reached()
                    ? lab + " has " + count(servers.machines(), "Windows Server machine") + ": a KMS host in the"
                            + " lab would activate them without calls (servers need " + KmsThreshold.SERVERS
                            + "); it needs one activation itself by phone through Gapdesk, and servers must reach"
                            + " it every 180 days."
                    : lab + " has " + count(servers.machines(), "Windows Server machine") + ": fewer than the "
                            + KmsThreshold.SERVERS + " a KMS host needs before it activates servers; keep"
                            + " activating by MAK through Gapdesk.");
        }
        if (d.reused > 0) {
            out.add("Stored CIDs saved " + count(d.reused, "activation") + " in " + lab + ": "
                    + (d.reused == 1 ? "a request was" : "requests were") + " confirmed from the store without a"
                    + " call.");
        }
        return out;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
