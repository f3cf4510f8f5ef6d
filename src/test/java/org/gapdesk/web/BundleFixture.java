package org.gapdesk.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.Product;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.lab.LabCollector;
import org.gapdesk.lab.LabProduct;
import org.gapdesk.lab.LabTestKit;
import org.gapdesk.lab.SimulatedLab;

/**
 * A kiosk on a random port with a USB mount root, an admin and an operator signed in, and a simulated lab whose
 * request file it can import: for the bundle, receipts, toolkit and key pages over HTTP.
 */
final class BundleFixture implements AutoCloseable {
    static final String LAB = "LAB-A";
    static final String WIN = LabTestKit.WINDOWS_ID;
    static final String OFFICE = LabTestKit.OFFICE_ID;

    final Kiosk kiosk;
    final WebServer server;
    final int port;
    final Path media;
    final SignedInClient operator;
    final SignedInClient admin;

    private BundleFixture(Path home, Path media) {
        this.media = media;
        kiosk = SignedInClient.openKiosk(home);
        server = new WebServer(kiosk);
        port = server.start("127.0.0.1", 0);
        operator = SignedInClient.operator(kiosk, port, "Otto Operator");
        admin = SignedInClient.admin(kiosk, port, "Ada Admin");
    }

    static BundleFixture start(Path home, Path media) {
        TestSite.write(home, media);
        return new BundleFixture(home, media);
    }

    /** Five products on four machines; Microsoft's CID for every IID is known to the simulated lab. */
    static SimulatedLab lab(SyntheticIds ids) {
        SimulatedLab lab = new SimulatedLab();
        for (String m : List.of("PC-001", "PC-002", "PC-003", "PC-004")) {
            String iid = ids.iid63();
            lab.product(m, new LabProduct(WIN, Product.WINDOWS_APP_ID, "Windows 11 Enterprise",
                    "Volume MAK channel", "Volume:MAK", "ABCDE", 5, iid)).issue(iid, ids.cid48());
        }
        String office = ids.iid63();
        lab.product("PC-001", new LabProduct(OFFICE, Product.OFFICE_APP_ID, "Office LTSC Professional Plus 2021",
                "Volume MAK channel", "Volume:MAK", "FGHIJ", 5, office)).issue(office, ids.cid48());
        return lab;
    }

    /** The lab's request file, as the toolkit's collect step writes it. */
    static byte[] requestFile(SimulatedLab lab) {
        return new LabCollector(lab).collect(LAB, null, LabTestKit.NOW.toString(), false);
    }

    /** GET as {@code client}, the body as bytes. */
    HttpResponse<byte[]> bytes(SignedInClient client, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (client.cookie() != null) {
            b.header("Cookie", client.cookie());
        }
        try {
            return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    /** Unzips {@code zip} into the new folder {@code dir} (as the lab copies a downloaded bundle). */
    static Path unzipTo(byte[] zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : unzip(zip).entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    @Override
    public void close() {
        server.stop();
        kiosk.close();
    }
}
