package org.gapdesk.signing;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM armour for DER bytes, with 64-character lines as OpenSSL writes them. */
public final class Pem {
    private Pem() {
    }

    /** Wraps {@code der} as {@code -----BEGIN type-----} ... {@code -----END type-----}. */
    public static String encode(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    /**
     * Reads the first block of {@code type} from PEM text.
     *
     * @throws IllegalArgumentException when there is no such block or it is not valid Base64
     */
    public static byte[] decode(String type, String pem) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end, b + 1);
        if (b < 0 || e < 0) {
            throw new IllegalArgumentException("no " + type + " block in the PEM text");
        }
        return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e).strip());
    }

    /**
     * Reads an RSA public key from PEM text holding a {@code PUBLIC KEY} block (as {@code gapdesk key export}
     * writes it) or a {@code CERTIFICATE} block (as {@code gapdesk key export --cert} writes it).
     *
     * @throws IllegalArgumentException when there is no such block or it is not an RSA public key
     */
    public static PublicKey readPublicKey(String pem) {
        try {
            PublicKey key;
            if (pem.contains("-----BEGIN CERTIFICATE-----")) {
                key = CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(decode("CERTIFICATE", pem)))
                        .getPublicKey();
            } else {
                key = KeyFactory.getInstance("RSA").generatePublic(
                        new X509EncodedKeySpec(decode("PUBLIC KEY", pem)));
            }
            if (!(key instanceof RSAPublicKey)) {
                throw new IllegalArgumentException("the key is not an RSA key");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key or certificate: " + e.getMessage(), e);
        }
    }
}
