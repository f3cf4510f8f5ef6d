package org.gapdesk.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * The fingerprint people compare on paper: SHA-256 of the public key's DER SubjectPublicKeyInfo, as 64
 * upper-case hex digits in groups of four. OpenSSL computes the same digits with
 * {@code openssl pkey -pubin -in kiosk-public.pem -outform DER | openssl dgst -sha256}.
 */
public final class KeyFingerprint {
    private KeyFingerprint() {
    }

    /** The 64 hex digits, upper case, no separators. */
    public static String hex(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hex digits in groups of four separated by spaces, for reading aloud and comparing on paper. */
    public static String grouped(PublicKey key) {
        return group(hex(key));
    }

    /** Hex digits (e.g. a manifest's {@code keyFingerprint}) in groups of four separated by spaces. */
    public static String group(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            sb.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 4));
        }
        return sb.toString();
    }
}
