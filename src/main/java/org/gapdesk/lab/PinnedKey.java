package org.gapdesk.lab;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.Pem;

/**
 * The kiosk public key pinned into the lab toolkit. The toolkit ships it three ways: PEM (for OpenSSL and
 * people), DER (its SHA-256, {@code Get-FileHash kiosk-public.der}, is the fingerprint printed on every
 * worksheet) and .NET's {@code <RSAKeyValue>} XML, which Windows PowerShell 5.1 loads with
 * {@code RSACryptoServiceProvider.FromXmlString} because .NET Framework cannot read PEM.
 *
 * @param key the RSA public key
 */
public record PinnedKey(RSAPublicKey key) {
    private static final Pattern XML = Pattern.compile(
            "^\\s*<RSAKeyValue>\\s*<Modulus>([A-Za-z0-9+/=\\s]+)</Modulus>\\s*<Exponent>([A-Za-z0-9+/=\\s]+)</Exponent>"
                    + "\\s*</RSAKeyValue>\\s*$");

    /** Pins {@code key}, which must be RSA. */
    public static PinnedKey of(PublicKey key) {
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalArgumentException("the kiosk key is not an RSA key");
        }
        return new PinnedKey(rsa);
    }

    /** Reads a {@code BEGIN PUBLIC KEY} PEM block. */
    public static PinnedKey fromPem(String pem) {
        try {
            return of(KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Pem.decode("PUBLIC KEY", pem))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }

    /** Reads {@code <RSAKeyValue><Modulus>..</Modulus><Exponent>..</Exponent></RSAKeyValue>} as .NET writes it. */
    public static PinnedKey fromXml(String xml) {
        Matcher m = XML.matcher(xml);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an <RSAKeyValue> with Modulus and Exponent");
        }
        try {
            BigInteger modulus = new BigInteger(1, Base64.getMimeDecoder().decode(m.group(1).strip()));
            BigInteger exponent = new BigInteger(1, Base64.getMimeDecoder().decode(m.group(2).strip()));
            return of(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a usable RSA key: " + e.getMessage(), e);
        }
    }

    /** The key as .NET's {@code <RSAKeyValue>} XML: big-endian unsigned Modulus and Exponent in Base64. */
    public String toXml() {
        return "<RSAKeyValue><Modulus>" + unsignedBase64(key.getModulus()) + "</Modulus><Exponent>"
                + unsignedBase64(key.getPublicExponent()) + "</Exponent></RSAKeyValue>";
    }

    /** The DER SubjectPublicKeyInfo, whose SHA-256 is the fingerprint. */
    public byte[] der() {
        return key.getEncoded();
    }

    /** The PEM form, as {@code openssl pkey -pubout} writes it. */
    public String pem() {
        return Pem.encode("PUBLIC KEY", der());
    }

    /** The fingerprint: 64 upper-case hex digits, no separators (as in a bundle manifest). */
    public String fingerprint() {
        return KeyFingerprint.hex(key);
    }

    private static String unsignedBase64(BigInteger n) {
        byte[] b = n.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        return Base64.getEncoder().encodeToString(b);
    }
}
