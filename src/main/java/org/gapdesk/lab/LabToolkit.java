package org.gapdesk.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gapdesk.signing.KeyFingerprint;

/**
 * Builds the lab toolkit zip that the kiosk offers for download: the PowerShell scripts and the
 * {@code slmgr} fallback shipped in the jar under {@code toolkit/}, the kiosk public key pinned three ways
 * (PEM, DER, .NET XML), {@code gapdesk-toolkit.json}, a {@code SHA256SUMS} of all of them and the kiosk's
 * signature of that list ({@code SHA256SUMS.sig}).
 *
 * <p>Deterministic: the same key, kiosk id and lab give the same bytes (entries sorted by name, stored
 * uncompressed, one fixed timestamp, text with CRLF line ends for Windows), so the zip's SHA-256 can be
 * compared anywhere.
 */
public final class LabToolkit {
    /** The scripts and texts shipped in the jar under {@code /toolkit/}. */
    public static final List<String> SHIPPED = List.of("Apply-GapdeskBundle.ps1", "Collect-Gapdesk.ps1",
            "apply-fallback.cmd", "README.txt",
            "Show-GapdeskQr.html");
    /** Name of the checksum list. */
    public static final String SUMS = "SHA256SUMS";
    /** Name of the signature of the checksum list. */
    public static final String SUMS_SIGNATURE = "SHA256SUMS.sig";
    /** Name of the toolkit's own settings. */
    public static final String CONFIG = "gapdesk-toolkit.json";
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private LabToolkit() {
    }

    /**
     * The toolkit's files by name, before zipping.
     *
     * @param key the kiosk public key to pin
     * @param kioskId the kiosk id
     * @param lab the lab the toolkit is for, or null for a toolkit that asks for {@code -Lab}
     * @param signer signs bytes with the kiosk key (SHA256withRSA)
     */
    public static Map<String, byte[]> files(PinnedKey key, String kioskId, String lab, UnaryOperator<byte[]> signer) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : SHIPPED) {
            String text = resource(name).replace("{{KIOSK}}", kioskId).replace("{{LAB}}",
                    lab == null ? "(any: give -Lab)" : lab).replace("{{FINGERPRINT}}", KeyFingerprint.grouped(key.key()));
            files.put(name, crlf(text).getBytes(StandardCharsets.US_ASCII));
        }
        files.put("kiosk-public.pem", key.pem().getBytes(StandardCharsets.US_ASCII));
        files.put("kiosk-public.der", key.der());
        files.put("kiosk-public.xml", key.toXml().getBytes(StandardCharsets.US_ASCII));
        ObjectNode config = LabJson.MAPPER.createObjectNode().put("format", "gapdesk-toolkit").put("version", 1)
                .put("kioskId", kioskId).put("keyFingerprint", key.fingerprint()).put("lab", lab);
        try {
            files.put(CONFIG, crlf(LabJson.MAPPER.writeValueAsString(config) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            sums.append(LabVerifier.sha256Hex(f.getValue())).append("  ").append(f.getKey()).append('\n');
        }
        byte[] sumBytes = sums.toString().getBytes(StandardCharsets.US_ASCII);
        files.put(SUMS, sumBytes);
        files.put(SUMS_SIGNATURE, signer.apply(sumBytes));
        return files;
    }

    /** The toolkit as zip bytes (see {@link #files}). */
    public static byte[] zip(PinnedKey key, String kioskId, String lab, UnaryOperator<byte[]> signer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files(key, kioskId, lab, signer).entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setMethod(ZipEntry.STORED);
                e.setSize(f.getValue().length);
                e.setCompressedSize(f.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(f.getValue());
                e.setCrc(crc.getValue());
                e.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The file name offered for download: {@code gapdesk-toolkit-<LAB>.zip} or {@code gapdesk-toolkit.zip}. */
    public static String zipName(String lab) {
        return lab == null ? "gapdesk-toolkit.zip" : "gapdesk-toolkit-" + lab.replaceAll("[^A-Za-z0-9._-]", "_")
                + ".zip";
    }

    private static String resource(String name) {
        try (InputStream in = LabToolkit.class.getResourceAsStream("/toolkit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("toolkit/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with CRLF line ends ({@code cmd.exe} needs them; Notepad and PowerShell are happy with them). */
    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
