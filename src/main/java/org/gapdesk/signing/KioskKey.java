package org.gapdesk.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The kiosk's RSA-3072 signing key and its self-signed X.509 certificate, kept in the home folder's
 * {@code keys/} as {@code kiosk-key.pem} (PKCS#8, owner read/write only) and {@code kiosk-cert.pem}.
 * Generated on first use. Signatures are SHA256withRSA, PKCS#1 v1.5: the one choice that the JDK, OpenSSL 3
 * and stock Windows PowerShell 5.1 all verify with nothing installed.
 */
public final class KioskKey {
    /** Signature algorithm of every kiosk signature. */
    public static final String ALGORITHM = "SHA256withRSA";
    static final String KEY_FILE = "kiosk-key.pem";
    static final String CERT_FILE = "kiosk-cert.pem";
    /** Folder under the key folder where rotated-out keys are kept, one sub-folder per rotation. */
    public static final String RETIRED_DIR = "retired";
    /** The certificate is valid from this long before the key was made (tolerates a clock set a little late). */
    static final Duration NOT_BEFORE_MARGIN = Duration.ofDays(1);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private KioskKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** True when {@code dir} holds a key and certificate ({@link #loadOrCreate} would load, not generate). */
    public static boolean isOnDisk(Path dir) {
        return Files.isRegularFile(dir.resolve(KEY_FILE)) && Files.isRegularFile(dir.resolve(CERT_FILE));
    }

    /** Loads the key from {@code dir}, generating and saving a new one when there is none. */
    public static synchronized KioskKey loadOrCreate(Path dir, String kioskId) {
        try {
            if (isOnDisk(dir)) {
                return load(dir);
            }
            KioskKey key = generate(kioskId, Instant.now());
            key.save(dir);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the kiosk key in " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("kiosk key in " + dir + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Generates a fresh key pair and a ten-year self-signed certificate naming the kiosk. */
    public static KioskKey generate(String kioskId, Instant now) throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(3072, new SecureRandom());
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=Gapdesk kiosk " + kioskId.replaceAll("[,+=<>#;\"\\\\]", "_")
                + ",O=Gapdesk");
        BigInteger serial = new BigInteger(127, new SecureRandom());
        try {
            var builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(now.minus(NOT_BEFORE_MARGIN)),
                    Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            var signer = new JcaContentSignerBuilder(ALGORITHM).build(pair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new KioskKey(pair.getPrivate(), cert);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KioskKey load(Path dir) throws IOException, GeneralSecurityException {
        byte[] pkcs8 = Pem.decode("PRIVATE KEY", Files.readString(dir.resolve(KEY_FILE), StandardCharsets.US_ASCII));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] der = Pem.decode("CERTIFICATE", Files.readString(dir.resolve(CERT_FILE), StandardCharsets.US_ASCII));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
        if (!(key instanceof RSAPrivateCrtKey crt) || !(cert.getPublicKey() instanceof RSAPublicKey pub)
                || !crt.getModulus().equals(pub.getModulus())) {
            throw new GeneralSecurityException(KEY_FILE + " and " + CERT_FILE + " are not one key pair (a key"
                    + " rotation interrupted?); the previous pair is kept in " + RETIRED_DIR + "/");
        }
        return new KioskKey(key, cert);
    }

    /** Writes the key (owner-only) and certificate into {@code dir}, each through a temporary file and a move. */
    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path keyTmp = writeTemp(dir.resolve(KEY_FILE), Pem.encode("PRIVATE KEY", privateKey.getEncoded()), true);
        Path certTmp = writeTemp(dir.resolve(CERT_FILE), certificatePem(), false);
        moveIntoPlace(keyTmp, dir.resolve(KEY_FILE));
        moveIntoPlace(certTmp, dir.resolve(CERT_FILE));
    }

    private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
        moveIntoPlace(writeTemp(target, text, secret), target);
    }

    /** Writes {@code text} to {@code target}'s temporary sibling (owner-only when secret) and flushes it. */
    private static Path writeTemp(Path target, String text, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return tmp;
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** True when {@code dir} holds a key and its certificate. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(KEY_FILE)) && Files.isRegularFile(dir.resolve(CERT_FILE));
    }

    /**
     * Loads the key in {@code dir} without ever making one.
     *
     * @throws IllegalStateException when there is no key there or it is unusable
     */
    public static KioskKey loadExisting(Path dir) {
        if (!exists(dir)) {
            throw new IllegalStateException("there is no kiosk key in " + dir);
        }
        try {
            return load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kiosk key in " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("kiosk key in " + dir + " is unusable: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the key and certificate in {@code dir} to a new folder {@code dir/retired/<UTC time>/}
     * (owner-only, each file flushed), leaving them in place; returns that folder. The first step of a
     * rotation: {@link KeyRotator} then records it and {@link #save}s the new key over the old.
     */
    static Path retire(Path dir, Instant now) throws IOException {
        Path retired = retiredFolder(dir, now);
        writeAtomically(retired.resolve(KEY_FILE), Files.readString(dir.resolve(KEY_FILE),
                StandardCharsets.US_ASCII), true);
        writeAtomically(retired.resolve(CERT_FILE), Files.readString(dir.resolve(CERT_FILE),
                StandardCharsets.US_ASCII), false);
        return retired;
    }

    private static Path retiredFolder(Path dir, Instant now) throws IOException {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        Path base = dir.resolve(RETIRED_DIR);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(base)) {
            if (posix) {
                Files.createDirectories(base, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(base);
            }
        }
        for (int n = 1;; n++) {
            Path candidate = base.resolve(n == 1 ? stamp : stamp + "-" + n);
            try {
                if (posix) {
                    return Files.createDirectory(candidate, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                }
                return Files.createDirectory(candidate);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // a rotation in the same second: take the next suffix
            }
        }
    }

    /** When the key was made: the certificate's validity start plus the margin it is back-dated by. */
    public Instant createdAt() {
        return certificate.getNotBefore().toInstant().plus(NOT_BEFORE_MARGIN);
    }

    /** Bits of the RSA modulus (3072 for a kiosk key). */
    public int keyBits() {
        return ((RSAPublicKey) publicKey()).getModulus().bitLength();
    }

    /** The algorithm as people read it, e.g. {@code RSA-3072, SHA256withRSA (PKCS#1 v1.5)}. */
    public String algorithmDescription() {
        return "RSA-" + keyBits() + ", " + ALGORITHM + " (PKCS#1 v1.5)";
    }

    /** Signs {@code data} with SHA256withRSA (PKCS#1 v1.5). */
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the public key, grouped for paper; see {@link KeyFingerprint}. */
    public String fingerprint() {
        return KeyFingerprint.grouped(publicKey());
    }

    /** The public key as PEM ({@code BEGIN PUBLIC KEY}), as {@code openssl pkey -pubout} writes it. */
    public String publicKeyPem() {
        return Pem.encode("PUBLIC KEY", publicKey().getEncoded());
    }

    /** The certificate as PEM. */
    public String certificatePem() {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
