package org.gapdesk.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabToolkitTest {
    @TempDir
    Path dir;

    static byte[] zip(String lab) {
        return LabToolkit.zip(LabTestKit.pinned(), "kiosk-1", lab, LabTestKit.key()::sign);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void theZipIsDeterministicAndHoldsScriptsKeyAndSignedSums() throws Exception {
        byte[] zip = zip("LAB-A");
        assertArrayEquals(zip, zip("LAB-A"), "same inputs, same bytes");
        Map<String, byte[]> files = unzip(zip);
        assertEquals(List.of("Apply-GapdeskBundle.ps1", "Collect-Gapdesk.ps1", "README.txt", "SHA256SUMS",
                "SHA256SUMS.sig",
                "Show-GapdeskQr.html",
                "apply-fallback.cmd", "gapdesk-toolkit.json", "kiosk-public.der",
                "kiosk-public.pem", "kiosk-public.xml"), new ArrayList<>(files.keySet()));
        // The fingerprint on the worksheet is Get-FileHash of kiosk-public.der.
        assertEquals(LabTestKit.pinned().fingerprint(), HexFormat.of().withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(files.get("kiosk-public.der"))));
        assertEquals(LabTestKit.pinned(), PinnedKey.fromXml(new String(files.get("kiosk-public.xml"),
                StandardCharsets.US_ASCII)));
        assertEquals(LabTestKit.pinned(), PinnedKey.fromPem(new String(files.get("kiosk-public.pem"),
                StandardCharsets.US_ASCII)));
        String config = new String(files.get("gapdesk-toolkit.json"), StandardCharsets.UTF_8);
        assertTrue(config.contains("\"lab\" : \"LAB-A\"") && config.contains(LabTestKit.pinned().fingerprint()),
                config);
        String sums = new String(files.get("SHA256SUMS"), StandardCharsets.US_ASCII);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().startsWith("SHA256SUMS")) {
                continue;
            }
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.getValue()));
            assertTrue(sums.contains(hex + "  " + f.getKey() + "\n"), f.getKey());
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(LabTestKit.key().publicKey());
        s.update(files.get("SHA256SUMS"));
        assertTrue(s.verify(files.get("SHA256SUMS.sig")));
        String readme = new String(files.get("README.txt"), StandardCharsets.US_ASCII);
        assertTrue(readme.contains(org.gapdesk.signing.KeyFingerprint.grouped(LabTestKit.key().publicKey())));
        assertFalse(new String(unzip(zip(null)).get("gapdesk-toolkit.json"), StandardCharsets.UTF_8)
                .contains("LAB-A"));
    }

    @Test
    void scriptsAreAsciiWithCrlfLineEndsSoWindowsPowerShellAndCmdReadThemAsWritten() throws Exception {
        for (Map.Entry<String, byte[]> f : unzip(zip("LAB-A")).entrySet()) {
            String name = f.getKey();
            if (!(name.endsWith(".ps1") || name.endsWith(".cmd") || name.endsWith(".txt"))) {
                continue;
            }
            byte[] b = f.getValue();
            for (int i = 0; i < b.length; i++) {
                assertTrue(b[i] >= 0 && b[i] != 0, name + ": non-ASCII byte at " + i);
                if (b[i] == '\n') {
                    assertEquals('\r', b[i - 1], name + ": bare LF at " + i);
                }
            }
        }
    }

    @Test
    void theScriptsUseTheSameReasonCodesAndResultsVocabularyAsTheJavaReference() throws Exception {
        Map<String, byte[]> files = unzip(zip("LAB-A"));
        String apply = new String(files.get("Apply-GapdeskBundle.ps1"), StandardCharsets.US_ASCII);
        for (LabReason r : LabReason.values()) {
            assertTrue(apply.contains("'" + r.code() + "'"), "Apply-GapdeskBundle.ps1 lacks " + r.code());
        }
        for (String word : List.of(ResultsFile.APPLIED, ResultsFile.FAILED, ResultsFile.SKIPPED,
                ResultsFile.IID_MISMATCH, ResultsFile.NOT_THIS_MACHINE, ResultsFile.PRODUCT_NOT_FOUND,
                ResultsFile.DEPOSIT_FAILED, ResultsFile.NOT_LICENSED, ResultsFile.FORMAT, LabState.FORMAT)) {
            assertTrue(apply.contains("'" + word + "'"), "Apply-GapdeskBundle.ps1 lacks " + word);
        }
        for (String member : List.of("requestId", "machine", "activationId", "installationId", "outcome",
                "hresult", "licenseStatus", "reason", "currentInstallationId", "bundleSequence",
                "bundleManifestSha256", "sequenceOverride", "writtenAt")) {
            assertTrue(apply.contains(member + " ="), "Apply-GapdeskBundle.ps1 does not write " + member);
        }
        assertTrue(apply.contains("VerifyData($Data, 'SHA256', $Signature)"));
        assertFalse(apply.matches("(?s).*(Invoke-Expression|iex |Start-Process|Invoke-WebRequest|Net\\.WebClient"
                + "|DownloadString|\\. \\$).*"), "the apply script runs nothing and fetches nothing");
        String collect = new String(files.get("Collect-Gapdesk.ps1"), StandardCharsets.US_ASCII);
        assertTrue(collect.contains("'gapdesk-collect 1.0'") && collect.contains("'gapdesk-request'"));
        assertTrue(collect.contains(LabCollector.COLLECTOR));
    }

    @Test
    void opensslVerifiesTheSignedSumsWithThePinnedPem() throws Exception {
        Map<String, byte[]> files = unzip(zip("LAB-A"));
        for (String name : List.of("SHA256SUMS", "SHA256SUMS.sig", "kiosk-public.pem")) {
            Files.write(dir.resolve(name), files.get(name));
        }
        Process p = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", "kiosk-public.pem", "-signature",
                "SHA256SUMS.sig", "SHA256SUMS").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Verified OK"), out);
    }
}
