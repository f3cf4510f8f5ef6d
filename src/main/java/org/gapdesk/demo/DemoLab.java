package org.gapdesk.demo;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Product;
import org.gapdesk.demo.RequestFileBuilder.MachineEntry;
import org.gapdesk.demo.RequestFileBuilder.ProductEntry;
import org.gapdesk.export.CsvWriter;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.store.ConfirmationStore;

/**
 * A demo lab to try the kiosk with: LAB-A as a Gapdesk request file of 24 machines (20 Windows 11 Enterprise
 * workstations, 12 of them with Office LTSC Professional Plus 2021, two on {@code Volume:GVLK} as KMS clients,
 * and 4 Windows Server 2022 Standard servers), plus two LAB-B control machines in a CSV file. One server's
 * IID already has a CID in the store, so it is confirmed without a call.
 *
 * <p>Everything is synthetic and says so: the IIDs and the stored CID come from {@link SyntheticIds} with a
 * fixed seed, and the Activation IDs are GUID-shaped placeholders of the form
 * {@code de000000-0000-4000-8000-0000000000NN}, not Microsoft's. The files are the same bytes on every run,
 * and {@link #load} imports them once per home folder.
 */
public final class DemoLab {
    /** The operator recorded on demo imports. */
    public static final String OPERATOR = "demo";
    /** Seed of the demo's synthetic IDs. */
    public static final long SEED = 20261120L;
    /** Name of the LAB-A request file. */
    public static final String LAB_A_FILE = "demo-LAB-A.json";
    /** Name of the LAB-B CSV file. */
    public static final String LAB_B_FILE = "demo-LAB-B.csv";
    /** Machine whose IID has a CID on record before the import. */
    public static final String STORED_CID_MACHINE = "SRV-DC01";

    /** Placeholder Activation ID of the demo's Windows 11 Enterprise MAK product. */
    public static final String WINDOWS_MAK_ID = placeholderId(1);
    /** Placeholder Activation ID of the demo's Windows Server 2022 Standard MAK product. */
    public static final String SERVER_MAK_ID = placeholderId(2);
    /** Placeholder Activation ID of the demo's Office LTSC Professional Plus 2021 MAK product. */
    public static final String OFFICE_MAK_ID = placeholderId(3);
    /** Placeholder Activation ID of the demo's Windows 11 Enterprise KMS client product. */
    public static final String WINDOWS_KMS_ID = placeholderId(4);

    private static final String COLLECTED_AT = "2026-11-20T09:30:00Z";
    private static final int WORKSTATIONS = 20;
    private static final int WITH_OFFICE = 12;
    private static final String[] SERVERS = {"SRV-DC01", "SRV-FS01", "SRV-APP01", "SRV-BKP01"};
    private static final String[] LAB_B_MACHINES = {"CTL-HMI01", "CTL-ENG01"};

    /** The demo's files and the CID that is on record before they are imported. */
    private record Content(List<UploadedFile> files, String firstIid, String storedIid, String storedCid) {
    }

    private DemoLab() {
    }

    /** The demo files: the LAB-A request file and the LAB-B CSV, identical on every call. */
    public static List<UploadedFile> files() {
        return content().files();
    }

    /**
     * Loads the demo into the kiosk through the real intake path, once per home folder: records the one stored
     * CID (when not yet on record), then imports the files as operator {@value #OPERATOR}.
     *
     * <p>When the record already holds a request for the demo's first IID the demo was loaded before, and
     * nothing is imported: requests the operator has since worked on (applied, failed) are not brought back
     * as new ones.
     *
     * @return the import's result, or empty when the demo was already loaded
     */
    public static Optional<ImportResult> load(Kiosk kiosk) {
        Content content = content();
        if (!kiosk.requests().list(null, null, content.firstIid(), 1).isEmpty()) {
            return Optional.empty();
        }
        ConfirmationStore store = new ConfirmationStore();
        kiosk.database().inTransaction(c -> {
            if (store.find(c, content.storedIid()).isEmpty()) {
                store.put(c, content.storedIid(), content.storedCid(), false, OPERATOR, Instant.now());
            }
            return null;
        });
        return Optional.of(kiosk.intake().commit(content.files(), new IntakeDefaults("LAB-B"), OPERATOR));
    }

    /** A GUID-shaped placeholder Activation ID, clearly not a real one. */
    static String placeholderId(int n) {
        return String.format("de000000-0000-4000-8000-%012d", n);
    }

    private static Content content() {
        SyntheticIds ids = new SyntheticIds(SEED);
        String firstIid = null;
        RequestFileBuilder labA = new RequestFileBuilder("LAB-A").collectedAt(COLLECTED_AT)
                .collector("gapdesk demo (synthetic data)");
        for (int i = 1; i <= WORKSTATIONS; i++) {
            List<ProductEntry> products = new ArrayList<>();
            boolean kms = i > WORKSTATIONS - 2;
            String iid = ids.iid63();
            firstIid = firstIid == null ? iid : firstIid;
            products.add(kms
                    ? windows(WINDOWS_KMS_ID, "Windows 11 Enterprise", "Volume:GVLK", "DEMOK", 5, iid)
                    : windows(WINDOWS_MAK_ID, "Windows 11 Enterprise", "Volume:MAK", "DEMOW", i % 4 == 0 ? 2 : 5, iid));
            if (i <= WITH_OFFICE) {
                products.add(new ProductEntry(OFFICE_MAK_ID, Product.OFFICE_APP_ID,
                        "Office LTSC Professional Plus 2021", "Volume MAK channel (demo data)", "Volume:MAK", "DEMOO",
                        5, ids.iid63()));
            }
            labA.machine(new MachineEntry(String.format("ENG-WS%02d", i), false, products));
        }
        String storedIid = null;
        for (String server : SERVERS) {
            String iid = ids.iid63();
            if (server.equals(STORED_CID_MACHINE)) {
                storedIid = iid;
            }
            labA.machine(new MachineEntry(server, false, List.of(windows(SERVER_MAK_ID,
                    "Windows Server 2022 Standard", "Volume:MAK", "DEMOS", 5, iid))));
        }
        String storedCid = ids.cid48();

        StringWriter csvText = new StringWriter();
        CsvWriter csv = new CsvWriter(csvText);
        csv.row("lab", "machine", "product", "channel", "activationId", "applicationId", "partialKey",
                "installationId");
        for (String machine : LAB_B_MACHINES) {
            csv.row("LAB-B", machine, "Windows 11 Enterprise", "Volume:MAK", WINDOWS_MAK_ID, Product.WINDOWS_APP_ID,
                    "DEMOW", InstallationId.parse(ids.iid63()).grouped());
        }
        List<UploadedFile> files = List.of(new UploadedFile(LAB_A_FILE, labA.toBytes(true)),
                new UploadedFile(LAB_B_FILE, csvText.toString().getBytes(StandardCharsets.UTF_8)));
        return new Content(files, firstIid, storedIid, storedCid);
    }

    private static ProductEntry windows(String activationId, String name, String channel, String partialKey,
            int licenseStatus, String iid) {
        String description = (channel.equals("Volume:GVLK") ? "Volume KMS client channel" : "Volume MAK channel")
                + " (demo data)";
        return new ProductEntry(activationId, Product.WINDOWS_APP_ID, name, description, channel, partialKey,
                licenseStatus, iid);
    }
}
