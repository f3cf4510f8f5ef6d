package org.gapdesk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotatorTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;
    Path keys;
    Database db;
    KeyRotator rotator;

    @BeforeEach
    void open() {
        keys = dir.resolve("keys");
        db = TestDatabase.open(dir.resolve("db"));
        rotator = new KeyRotator(db, keys, "kiosk-1", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rotationKeepsTheOldKeyRecordsTheEventAndInstallsTheNewOne() throws Exception {
        KioskKey old = KioskKey.loadOrCreate(keys, "kiosk-1");
        String oldPem = Files.readString(keys.resolve(KioskKey.KEY_FILE));
        KeyRotator.Rotation r = rotator.rotate("bob");
        assertEquals(KeyFingerprint.hex(old.publicKey()), r.oldFingerprint());
        assertNotEquals(r.oldFingerprint(), r.newFingerprint());
        assertEquals(keys.resolve("retired/20261120T100000Z"), r.retiredTo());
        assertEquals(oldPem, Files.readString(r.retiredTo().resolve(KioskKey.KEY_FILE)));
        assertEquals(old.certificatePem(), Files.readString(r.retiredTo().resolve(KioskKey.CERT_FILE)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(r.retiredTo().resolve(KioskKey.KEY_FILE))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.retiredTo())));

        KioskKey now = KioskKey.loadOrCreate(keys, "kiosk-1");
        assertEquals(r.newFingerprint(), KeyFingerprint.hex(now.publicKey()));
        assertEquals(r.newFingerprint(), KeyFingerprint.hex(r.key().publicKey()));
        assertEquals(NOW, now.createdAt());
        assertEquals("RSA-3072, SHA256withRSA (PKCS#1 v1.5)", now.algorithmDescription());

        List<KeyRotator.KeyEvent> history = rotator.history();
        assertEquals(1, history.size());
        assertEquals("bob", history.get(0).operator());
        assertEquals(NOW, history.get(0).at());
        assertEquals(r.oldFingerprint(), history.get(0).oldFingerprint());
        assertEquals(r.newFingerprint(), history.get(0).newFingerprint());
        assertEquals(r.retiredTo().toString(), history.get(0).retiredTo());
    }

    @Test
    void aSecondRotationInTheSameSecondGetsItsOwnFolder() {
        KioskKey.loadOrCreate(keys, "kiosk-1");
        KeyRotator.Rotation first = rotator.rotate("bob");
        KeyRotator.Rotation second = rotator.rotate("bob");
        assertEquals(keys.resolve("retired/20261120T100000Z-2"), second.retiredTo());
        assertEquals(first.newFingerprint(), second.oldFingerprint());
        assertEquals(2, rotator.history().size());
    }

    @Test
    void rotatingWithoutAKeyJustMakesOne() {
        KeyRotator.Rotation r = rotator.rotate("bob");
        assertNull(r.oldFingerprint());
        assertNull(r.retiredTo());
        assertEquals(r.newFingerprint(), KeyFingerprint.hex(KioskKey.loadOrCreate(keys, "kiosk-1").publicKey()));
    }

    @Test
    void aKeyAndCertificateOfDifferentPairsAreRefusedAtLoad() throws Exception {
        KioskKey.loadOrCreate(keys, "kiosk-1");
        Path other = dir.resolve("other");
        KioskKey.loadOrCreate(other, "kiosk-1");
        Files.copy(other.resolve(KioskKey.CERT_FILE), keys.resolve(KioskKey.CERT_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KioskKey.loadOrCreate(keys, "kiosk-1"));
        assertTrue(e.getMessage().contains("not one key pair"), e.getMessage());
    }

    @Test
    void anOperatorIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> rotator.rotate(" "));
        assertTrue(rotator.history().isEmpty());
    }
}
