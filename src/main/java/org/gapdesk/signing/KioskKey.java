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

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private KioskKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** Loads the key from {@code dir}, generating and saving a new one when there is none. */
    public static synchronized KioskKey loadOrCreate(Path dir, String kioskId) {
        try {
            if (Files.isRegularFile(dir.resolve(KEY_FILE)) && Files.isRegularFile(dir.resolve(CERT_FILE))) {
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
            var builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(now.minus(Duration.ofDays(1))),
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
        return new KioskKey(key, cert);
    }

    /** Writes the key (owner-only) and certificate into {@code dir}, each through a temporary file and a move. */
    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(KEY_FILE), Pem.encode("PRIVATE KEY", privateKey.getEncoded()), true);
        writeAtomically(dir.resolve(CERT_FILE), certificatePem(), false);
    }

    private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
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
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
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
