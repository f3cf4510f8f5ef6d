package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsbDrivesTest {
    private static final IntakeLimits SMALL = new IntakeLimits(100, 1000, 10, 1000);

    @TempDir
    Path media;

    private Path write(String rel, String content) throws IOException {
        Path p = media.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private List<String> paths(UsbDrives drives) {
        return drives.list().files().stream().map(UsbDrives.UsbFile::path).toList();
    }

    @Test
    void listsImportableFilesToDepthFourSortedWithIds() throws IOException {
        write("STICK/requests.json", "{}");
        write("STICK/Lab A/export.CSV", "a,b");
        write("STICK/a/b/dti.txt", "x");
        write("STICK/a/b/c/too-deep.txt", "x");
        write("STICK/photo.jpg", "x");
        write("STICK/setup.exe", "x");
        write("STICK/vamt.cilx", "<x/>");
        write("STICK/.hidden.json", "{}");
        write("STICK/.Trash-1000/old.json", "{}");
        UsbDrives drives = new UsbDrives(List.of(media), SMALL);

        UsbDrives.Listing listing = drives.list();

        assertEquals(List.of("STICK/Lab A/export.CSV", "STICK/a/b/dti.txt", "STICK/requests.json", "STICK/vamt.cilx"),
                listing.files().stream().map(UsbDrives.UsbFile::path).toList());
        assertFalse(listing.truncated());
        UsbDrives.UsbFile json = listing.files().get(2);
        assertEquals("0:STICK/requests.json", json.id());
        assertEquals(media.toString(), json.root());
        assertEquals(2, json.size());
        assertFalse(json.tooLarge());
    }

    @Test
    void marksFilesOverTheLimitTooLargeAndRefusesToReadThem() throws IOException {
        write("STICK/big.json", "x".repeat(101));
        UsbDrives drives = new UsbDrives(List.of(media), SMALL);

        UsbDrives.UsbFile big = drives.list().files().get(0);

        assertTrue(big.tooLarge());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> drives.read(big.id()));
        assertTrue(e.getMessage().contains("over the import limit of 100 bytes"), e.getMessage());
    }

    @Test
    void knowsTheLabToolkitsRequestFilesByName() throws IOException {
        write("STICK/gapdesk-request-LAB-A-PC-001.json", "{}");
        write("STICK/sub/GAPDESK-REQUEST-LAB-B-7f3a.JSON", "{}");
        write("STICK/gapdesk-request-.json", "{}");
        write("STICK/gapdesk-request-LAB-A.csv", "a,b");
        write("STICK/my-gapdesk-request-LAB-A.json", "{}");
        write("STICK/requests.json", "{}");
        write("STICK/gapdesk-request-LAB-A-huge.json", "x".repeat(101));
        UsbDrives drives = new UsbDrives(List.of(media), SMALL);

        List<String> fromToolkit = drives.list().files().stream().filter(UsbDrives.UsbFile::fromLabToolkit)
                .map(UsbDrives.UsbFile::path).toList();

        assertEquals(List.of("STICK/gapdesk-request-LAB-A-PC-001.json", "STICK/sub/GAPDESK-REQUEST-LAB-B-7f3a.JSON"),
                fromToolkit);
    }

    @Test
    void readsAListedFileByItsId() throws IOException {
        write("STICK/sub/requests.json", "{\"a\":1}");
        UsbDrives drives = new UsbDrives(List.of(media), SMALL);

        UploadedFile f = drives.read(drives.list().files().get(0).id());

        assertEquals("requests.json", f.name());
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), f.bytes());
    }

    @Test
    void doesNotFollowOrReadSymbolicLinks() throws IOException {
        Path outside = Files.createTempDirectory("gapdesk-outside");
        try {
            Files.writeString(outside.resolve("secret.txt"), "secret");
            Files.createDirectories(media.resolve("STICK"));
            Files.createSymbolicLink(media.resolve("STICK/link.txt"), outside.resolve("secret.txt"));
            Files.createSymbolicLink(media.resolve("STICK/dir"), outside);
            UsbDrives drives = new UsbDrives(List.of(media), SMALL);

            assertEquals(List.of(), paths(drives));
            assertThrows(IllegalArgumentException.class, () -> drives.read("0:STICK/link.txt"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> drives.read("0:STICK/dir/secret.txt"));
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        } finally {
            Files.deleteIfExists(outside.resolve("secret.txt"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void refusesIdsThatLeaveTheRootOrNameOtherFiles() throws IOException {
        write("STICK/requests.json", "{}");
        write("STICK/a/b/c/deep.txt", "x");
        write("STICK/tool.exe", "x");
        write("secret.txt", "x");
        Path other = media.resolve("other");
        Files.createDirectories(other);
        UsbDrives drives = new UsbDrives(List.of(other), SMALL);

        for (String id : List.of("0:../secret.txt", "0:../STICK/requests.json", "0:/etc/passwd", "0:./x.txt",
                "0:a//b.txt", "1:STICK/requests.json", "x:STICK/requests.json", "-1:a.txt", ":a.txt", "0:",
                "0:..", "STICK/requests.json", "0:a\\..\\b.txt", "0:a/b/c/d/e.txt", "")) {
            assertThrows(IllegalArgumentException.class, () -> drives.read(id), id);
        }
        UsbDrives all = new UsbDrives(List.of(media), SMALL);
        assertThrows(IllegalArgumentException.class, () -> all.read("0:STICK/tool.exe"));
        assertThrows(IllegalArgumentException.class, () -> all.read("0:STICK/a/b/c/deep.txt"));
        assertThrows(IllegalArgumentException.class, () -> all.read("0:STICK/gone.json"));
        assertThrows(IllegalArgumentException.class, () -> all.read("0:STICK/a"));
    }

    @Test
    void stopsAtFiveHundredFiles() throws IOException {
        Path stick = Files.createDirectories(media.resolve("STICK"));
        for (int i = 0; i < UsbDrives.MAX_FILES + 5; i++) {
            Files.writeString(stick.resolve("f" + i + ".txt"), "x");
        }
        UsbDrives.Listing listing = new UsbDrives(List.of(media), SMALL).list();

        assertEquals(UsbDrives.MAX_FILES, listing.files().size());
        assertTrue(listing.truncated());
    }

    @Test
    void missingRootsListNothing() {
        UsbDrives drives = UsbDrives.of(List.of(media.resolve("absent").toString(), " "), SMALL);

        assertEquals(List.of(), drives.list().files());
        assertEquals(1, drives.list().roots().size());
        assertThrows(IllegalArgumentException.class, () -> drives.read("0:a.txt"));
    }
}
