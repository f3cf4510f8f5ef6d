package org.gapdesk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchService;
import org.gapdesk.config.CatalogEntry;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.config.ProductCatalog;
import org.gapdesk.confirm.ConfirmResult;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.confirm.ConfirmationService;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.intake.FormatDetector;
import org.gapdesk.intake.ImportPreview;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.IntakeService;
import org.gapdesk.intake.Parsers;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.gapdesk.store.RequestRepository;

/**
 * A kiosk record for licensing tests, filled the way the desk fills it: request files imported through
 * {@link IntakeService}, worksheet batches through {@link BatchService}, CIDs keyed through
 * {@link ConfirmationService}, all at the moment the {@link TestClock} says. Activation IDs are synthetic.
 */
public final class LicensingLab implements AutoCloseable {
    /** Synthetic Activation ID of a Windows client edition (catalogued in key group {@link #CLIENT_GROUP}). */
    public static final String CLIENT_SKU = "7a1b2c3d-0000-4000-8000-00000000a001";
    /** Synthetic Activation ID of a Windows Server edition (catalogued in key group {@link #SERVER_GROUP}). */
    public static final String SERVER_SKU = "7a1b2c3d-0000-4000-8000-00000000a002";
    /** Synthetic Activation ID of an Office edition (not catalogued). */
    public static final String OFFICE_SKU = "7a1b2c3d-0000-4000-8000-00000000a003";
    /** Synthetic Activation ID of a Windows client KMS edition (not catalogued). */
    public static final String KMS_SKU = "7a1b2c3d-0000-4000-8000-00000000a004";
    public static final String CLIENT_GROUP = "Windows 10/11 Enterprise";
    public static final String SERVER_GROUP = "Windows Server 2022 Standard/Datacenter";
    /** The site's Windows client MAK (last five). */
    public static final String CLIENT_MAK = "3V66T";
    /** The site's Office MAK (last five). */
    public static final String OFFICE_MAK = "XQ7DR";

    /**
     * A product on a lab machine.
     *
     * @param machine host name
     * @param product what the lab toolkit reports
     */
    public record Box(String machine, Product product) {
        public static Box client(String machine, String partialKey) {
            return new Box(machine, new Product(CLIENT_SKU, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition",
                    "Volume:MAK", partialKey, 2));
        }

        public static Box server(String machine, String partialKey) {
            return new Box(machine, new Product(SERVER_SKU, Product.WINDOWS_APP_ID,
                    "Windows(R), ServerStandard edition", "Volume:MAK", partialKey, 2));
        }

        public static Box kmsClient(String machine) {
            return new Box(machine, new Product(KMS_SKU, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition",
                    "Volume:GVLK", "NPPR9", 5));
        }

        public static Box office(String machine, String partialKey) {
            return new Box(machine, new Product(OFFICE_SKU, Product.OFFICE_APP_ID,
                    "Office 21, Office21ProPlus2021VL_MAK_AE edition", "Volume:MAK", partialKey, 2));
        }
    }

    public final TestClock clock;
    public final Path configDir;
    public final Database db;
    public final KioskConfig config;
    public final IntakeService intake;
    public final ConfirmationService confirmations;
    public final BatchService batches;
    public final TestIds ids;
    private final Map<String, String> iidByMachine = new LinkedHashMap<>();
    private int files;

    /** A record in {@code dir} with the catalogue entries for the client and server SKUs. */
    public LicensingLab(Path dir, String start) {
        this.clock = new TestClock(start);
        this.configDir = dir.resolve("config");
        try {
            Files.createDirectories(configDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.db = TestDatabase.open(dir.resolve("data"));
        KioskConfig shipped = KioskConfig.defaults();
        this.config = new KioskConfig(shipped.site(), new ProductCatalog(List.of(
                new CatalogEntry(CLIENT_SKU, "Windows Enterprise", "Windows", CLIENT_GROUP),
                new CatalogEntry(SERVER_SKU, "Windows Server Standard", "Windows Server", SERVER_GROUP))),
                shipped.channels());
        this.intake = new IntakeService(db, new FormatDetector(Parsers.standard()), IntakeLimits.DEFAULT, clock);
        this.confirmations = new ConfirmationService(db, clock);
        this.batches = new BatchService(db, clock);
        this.ids = new TestIds(dir.toString().hashCode());
    }

    /** The licensing desk over this record (reads licensing.json and mail.json from {@link #configDir}). */
    public LicensingDesk desk() {
        return LicensingDesk.open(db, config, configDir, clock, ZoneOffset.UTC);
    }

    /** Moves the clock. */
    public LicensingLab at(String isoInstant) {
        clock.set(isoInstant);
        return this;
    }

    /** The request file of a lab with a fresh IID for each product (or the machine's earlier IID when asked). */
    public UploadedFile requestFile(String lab, List<Box> boxes, boolean sameIids) {
        RequestFileBuilder file = new RequestFileBuilder(lab).collector("gapdesk-collect 1.0");
        for (Box b : boxes) {
            String key = lab + "/" + b.machine() + "/" + b.product().activationId();
            String iid = sameIids && iidByMachine.containsKey(key) ? iidByMachine.get(key) : ids.iid63();
            iidByMachine.put(key, iid);
            Product p = b.product();
            file.machine(new RequestFileBuilder.MachineEntry(b.machine(), false, List.of(
                    new RequestFileBuilder.ProductEntry(p.activationId(), p.applicationId(), p.name(),
                            "Windows(R) Operating System, " + p.channel() + " channel", p.channel(), p.partialKey(),
                            p.licenseStatus(), iid))));
        }
        return new UploadedFile("gapdesk-request-" + lab + "-" + (++files) + ".json", file.toBytes(false));
    }

    /** Imports the lab's machines; returns request ids by machine name, in file order. */
    public Map<String, Long> importLab(String lab, List<Box> boxes) {
        return importLab(lab, boxes, false);
    }

    /** Imports the lab's machines, re-using each machine's earlier IID when {@code sameIids}. */
    public Map<String, Long> importLab(String lab, List<Box> boxes, boolean sameIids) {
        ImportResult result = intake.commit(List.of(requestFile(lab, boxes, sameIids)), new IntakeDefaults(lab),
                "tech");
        assertFalse(result.preview().anyRejected(), result.preview().summary());
        assertEquals(boxes.size(), result.createdRequestIds().size(), result.preview().summary());
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < boxes.size(); i++) {
            out.put(boxes.get(i).machine(), result.createdRequestIds().get(i));
        }
        return out;
    }

    /** What importing the boxes would do, storing nothing. */
    public ImportPreview preview(String lab, List<Box> boxes) {
        return intake.preview(List.of(requestFile(lab, boxes, false)), new IntakeDefaults(lab));
    }

    /** Puts the lab's received requests on a new batch of {@code channel}. */
    public long batch(String lab, ActivationChannel channel) {
        return batches.create(BatchCriteria.received(lab), channel, "tech").id();
    }

    /** Keys a fresh valid CID for the request, now; returns the CID. */
    public String key(long requestId) {
        String cid = ids.cid48();
        ConfirmResult r = confirmations.confirm(requestId, cid, false, false, "tech");
        assertEquals(ConfirmStatus.STORED, r.status(), r.message());
        return cid;
    }

    /** Keys a different CID over the one on record (a mistyped CID corrected), now. */
    public String rekey(long requestId) {
        String cid = ids.cid48();
        ConfirmResult r = confirmations.confirm(requestId, cid, false, true, "tech");
        assertEquals(ConfirmStatus.STORED, r.status(), r.message());
        return cid;
    }

    /** Records the lab's report that the request's CID was applied (as a results file would). */
    public void applied(long requestId) {
        db.inTransaction(c -> {
            RequestRepository repo = new RequestRepository();
            RequestState from = repo.find(c, requestId).orElseThrow().state();
            repo.changeState(c, requestId, from, RequestState.APPLIED, clock.instant(), "tech", "applied in the lab");
            return null;
        });
    }

    /** {@code n} client machines {@code prefix-001} ... with the partial key. */
    public static List<Box> clients(String prefix, int n, String partialKey) {
        List<Box> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Box.client(String.format("%s-%03d", prefix, i), partialKey));
        }
        return out;
    }

    /** Writes a configuration file into {@link #configDir}. */
    public void configFile(String name, String json) {
        try {
            Files.writeString(configDir.resolve(name), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
