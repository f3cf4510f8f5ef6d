package org.gapdesk.operator;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes passwords and PINs with PBKDF2-HMAC-SHA256 and a 16-byte random salt. The stored form is
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64), so the work factor can be raised without invalidating
 * older hashes.
 */
public final class SecretHasher {
    /** Iterations for new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public SecretHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    /** Hashes {@code secret} with a fresh salt. */
    public String hash(char[] secret) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] dk = derive(secret, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(dk);
    }

    /** True when {@code secret} matches {@code stored}; compares in constant time. False for a malformed hash. */
    public boolean matches(char[] secret, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(secret, salt, n));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }
}
