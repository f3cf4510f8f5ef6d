package org.gapdesk.bundle;

import java.nio.charset.StandardCharsets;
import org.gapdesk.signing.KeyFingerprint;

/** The plain-text {@code README.txt} of a bundle: what it is and how to check it by hand. UTF-8, LF line ends. */
final class BundleReadme {
    private BundleReadme() {
    }

    static byte[] text(BundleHeader m, int entryCount) {
        String fp = KeyFingerprint.group(m.keyFingerprint());
        String folder = BundleFormat.folderName(m.lab(), m.sequence());
        String t = """
                Gapdesk signed return bundle
                ============================

                Lab:          %s
                Sequence:     %d
                Entries:      %d Confirmation ID(s)
                Kiosk:        %s
                Created:      %s (kiosk clock; for people only, never trusted)
                Signing key:  SHA-256 fingerprint of the kiosk public key
                              %s
                              It must equal the fingerprint printed on the worksheets.

                This bundle is data only: the Confirmation IDs for the machines of lab %s. Nothing in it
                is a program. Never run anything from a bundle. The Gapdesk lab toolkit, installed in the
                lab once and checked against the fingerprint on paper, reads it, checks the signature and
                the sequence, and applies each Confirmation ID only on the machine whose current
                Installation ID is the one listed with it.

                Files
                  manifest.json       lab, sequence, and the size and SHA-256 of every other file
                  manifest.sig        signature of manifest.json by the kiosk key
                                      (RSA, SHA-256, PKCS#1 v1.5; 384 raw bytes)
                  confirmations.json  the entries the lab toolkit reads
                  confirmations.csv   the same entries for people; open the ID columns as text
                  README.txt          this file

                Verify by hand with OpenSSL 3 (in the folder %s)
                  1. Get the kiosk public key as kiosk-public.pem (gapdesk key export --out
                     kiosk-public.pem) and compare its fingerprint with the worksheet:
                       openssl pkey -pubin -in kiosk-public.pem -outform DER | openssl dgst -sha256
                  2. Check the signature; it must print "Verified OK":
                       openssl dgst -sha256 -verify kiosk-public.pem -signature manifest.sig manifest.json
                  3. Check every file; each digest and size must equal the one in manifest.json:
                       openssl dgst -sha256 -r README.txt confirmations.csv confirmations.json
                       ls -l README.txt confirmations.csv confirmations.json
                  4. There must be no other files than these five.
                  5. The sequence (%d) must be greater than that of the last bundle applied in %s.

                On Windows PowerShell 5.1, Get-FileHash -Algorithm SHA256 checks the files and .NET's
                RSA classes check the signature: see verify-by-hand.md in the Gapdesk documentation.
                """.formatted(m.lab(), m.sequence(), entryCount, m.kioskId(), m.createdAt(), fp, m.lab(), folder,
                m.sequence(), m.lab());
        return t.getBytes(StandardCharsets.UTF_8);
    }
}
