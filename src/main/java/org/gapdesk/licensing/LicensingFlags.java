package org.gapdesk.licensing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.Product;
import org.gapdesk.config.CatalogEntry;
import org.gapdesk.config.ProductCatalog;
import org.gapdesk.intake.ImportPreview;
import org.gapdesk.intake.PlannedEntry;

/**
 * Licensing flags for requests and import entries, checked against the MAK pool and the product catalogue:
 * <ul>
 *   <li>{@code Volume:GVLK}: a KMS client (and nothing else is checked);</li>
 *   <li>the catalogue gives the product a key group and the pool has no MAK of that group (MAK or unknown
 *       channel);</li>
 *   <li>channel {@code Volume:MAK} and the partial key matches no MAK in the pool (only once the pool holds at
 *       least one MAK: an empty pool means the site does not keep one);</li>
 *   <li>the partial key is a pooled MAK of another key group than the catalogue gives the product;</li>
 *   <li>the partial key is a pooled MAK that is low or used up by the local count.</li>
 * </ul>
 * Each bulk form reads the pool once.
 */
public final class LicensingFlags {
    private final Supplier<MakPoolSnapshot> pool;
    private final ProductCatalog catalog;

    public LicensingFlags(Supplier<MakPoolSnapshot> pool, ProductCatalog catalog) {
        this.pool = pool;
        this.catalog = catalog;
    }

    /** The flags of one request. */
    public List<LicensingFlag> flagsFor(ActivationRequest request) {
        return flagsFor(request.product(), pool.get());
    }

    /** The flags of one product as an import entry or a request carries it. */
    public List<LicensingFlag> flagsFor(Product product) {
        return flagsFor(product, pool.get());
    }

    /** The flags of many requests, by request id (every id present; an empty list for none), in the given order. */
    public Map<Long, List<LicensingFlag>> flagsForAll(Collection<ActivationRequest> requests) {
        MakPoolSnapshot p = pool.get();
        Map<Long, List<LicensingFlag>> out = new LinkedHashMap<>();
        for (ActivationRequest r : requests) {
            out.put(r.id(), flagsFor(r.product(), p));
        }
        return out;
    }

    /**
     * The flags of every entry of an import preview, index for index with {@link ImportPreview#entries()}; an
     * entry that stores nothing (rejected, already known) gets an empty list.
     */
    public List<List<LicensingFlag>> flagsForPreview(ImportPreview preview) {
        MakPoolSnapshot p = pool.get();
        List<List<LicensingFlag>> out = new ArrayList<>();
        for (PlannedEntry e : preview.entries()) {
            out.add(e.outcome().stores() ? flagsFor(e.product(), p) : List.of());
        }
        return out;
    }

    /** The flags of {@code product} against a given pool. */
    public List<LicensingFlag> flagsFor(Product product, MakPoolSnapshot pool) {
        List<LicensingFlag> flags = new ArrayList<>();
        if (product.isKmsClient()) {
            flags.add(new LicensingFlag(FlagKind.KMS_CLIENT, "KMS client (Volume:GVLK): phone activation does not"
                    + " apply; the lab needs a KMS host, or a MAK installed with slmgr /ipk and a new request"));
            return flags;
        }
        boolean mak = isMak(product.channel());
        if (!mak && product.channel() != null) {
            return flags;
        }
        CatalogEntry entry = catalog.find(product.activationId());
        String group = entry == null || entry.keyGroup() == null || entry.keyGroup().isBlank() ? null
                : entry.keyGroup().strip();
        if (group != null && pool.inGroup(group).isEmpty()) {
            flags.add(new LicensingFlag(FlagKind.NO_MAK_FOR_KEY_GROUP, "no MAK of key group '" + group
                    + "' is in the pool: record the MAK installed on these machines, or check the product"));
        }
        String key = MakPoolSnapshot.normalKey(product.partialKey());
        Optional<MakStatus> status = pool.status(key);
        if (status.isEmpty()) {
            if (mak && key != null && !pool.isEmpty()) {
                flags.add(new LicensingFlag(FlagKind.UNKNOWN_MAK, "partial key " + key + " matches no MAK in the"
                        + " pool: the machine has a key the site does not track; record it, or check the machine"));
            }
            return flags;
        }
        MakStatus s = status.get();
        if (group != null && !MakPoolSnapshot.sameGroup(group, s.keyGroup())) {
            flags.add(new LicensingFlag(FlagKind.KEY_GROUP_MISMATCH, "partial key " + key + " is the MAK of key"
                    + " group '" + s.keyGroup() + "', but the catalogue puts this product in '" + group
                    + "': a MAK only activates editions of its own group"));
        }
        if (s.level() == MakLevel.USED_UP) {
            flags.add(new LicensingFlag(FlagKind.MAK_USED_UP, "MAK ending " + key + " has " + s.remainingNow()
                    + " activations left by the local count: a call may end in 0xC004C020 (limit reached)"));
        } else if (s.level() == MakLevel.LOW) {
            flags.add(new LicensingFlag(FlagKind.MAK_LOW, "MAK ending " + key + " is low: " + s.remainingNow()
                    + " activations left by the local count (warning at " + s.threshold() + ")"));
        }
        return flags;
    }

    private static boolean isMak(String channel) {
        return channel != null && channel.strip().toUpperCase(Locale.ROOT).replace('_', ':').equals("VOLUME:MAK");
    }
}
