package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountPathsTest {
    @TempDir
    Path work;

    Path media;
    Path outside;
    MountPaths paths;

    @BeforeEach
    void setUp() throws IOException {
        media = Files.createDirectories(work.resolve("media"));
        outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(outside.resolve("secret.json"), "secret");
        Files.createDirectories(media.resolve("STICK/lab/a"));
        Files.writeString(media.resolve("STICK/lab/a/requests.json"), "{}");
        paths = new MountPaths(List.of(media), "USB file");
    }

    private String refusal(String id, int maxDepth) {
        return assertThrows(IllegalArgumentException.class, () -> paths.resolve(id, maxDepth, false), id)
                .getMessage();
    }

    @Test
    void resolvesANormalNestedPathBelowTheRealRoot() throws IOException {
        Path p = paths.resolve("0:STICK/lab/a/requests.json", 4, false);

        assertEquals(media.toRealPath().resolve("STICK/lab/a/requests.json"), p);
        assertEquals(media.toRealPath().resolve("STICK/lab"), paths.resolve("0:STICK/lab", 4, false));
    }

    @Test
    void refusesTraversalWhereverItStands() {
        for (String id : List.of("0:../outside/secret.json", "0:STICK/../../outside/secret.json", "0:..",
                "0:STICK/lab/..", "0:./STICK", "0:STICK\\..\\..\\outside")) {
            assertEquals("USB file '" + id + "' refused: not a plain path below the mount root", refusal(id, 9));
        }
    }

    @Test
    void refusesAbsolutePaths() {
        String unix = "0:" + outside.resolve("secret.json").toAbsolutePath().toString().replace('\\', '/');
        for (String id : List.of(unix, "0:/etc/passwd", "0:C:\\Windows\\win.ini", "0://server/share/x.json")) {
            assertTrue(refusal(id, 99).endsWith("refused: not a plain path below the mount root"), id);
        }
    }

    @Test
    void refusesASymbolicLinkToAFolderOrAFileAnywhereOnTheWay() throws IOException {
        Files.createSymbolicLink(media.resolve("STICK/dir"), outside);
        Files.createSymbolicLink(media.resolve("STICK/lab/file.json"), outside.resolve("secret.json"));
        Files.createSymbolicLink(work.resolve("linked-media"), media);

        assertEquals("USB file '0:STICK/dir/secret.json' refused: passes a symbolic link",
                refusal("0:STICK/dir/secret.json", 4));
        assertEquals("USB file '0:STICK/dir' refused: passes a symbolic link", refusal("0:STICK/dir", 4));
        assertEquals("USB file '0:STICK/lab/file.json' refused: passes a symbolic link",
                refusal("0:STICK/lab/file.json", 4));
        // A linked root itself is configuration, not input: it resolves to its real path.
        MountPaths viaLink = new MountPaths(List.of(work.resolve("linked-media")), "USB file");
        assertEquals(media.toRealPath().resolve("STICK/lab"), viaLink.resolve("0:STICK/lab", 4, false));
    }

    @Test
    void refusesMalformedIdsUnknownRootsAndDeeperPaths() {
        assertEquals("no USB file chosen",
                assertThrows(IllegalArgumentException.class, () -> paths.resolve("", 4, false)).getMessage());
        assertEquals("no USB file chosen",
                assertThrows(IllegalArgumentException.class, () -> paths.resolve(null, 4, false)).getMessage());
        for (String id : List.of("STICK/a.json", ":a.json", "x:a.json", "-1:a.json", "12345:a.json")) {
            assertEquals("USB file '" + id + "' refused: not a USB file id", refusal(id, 4));
        }
        assertEquals("USB file '1:STICK' refused: no such mount root", refusal("1:STICK", 4));
        assertEquals("USB file '0:STICK/lab/a/requests.json' refused: deeper than 3 levels below the mount root",
                refusal("0:STICK/lab/a/requests.json", 3));
        MountPaths gone = new MountPaths(List.of(work.resolve("absent")), "USB file");
        assertEquals("USB file '0:a.json' refused: the mount root is not there",
                assertThrows(IllegalArgumentException.class, () -> gone.resolve("0:a.json", 4, false)).getMessage());
        assertNull(gone.realRoot(0));
    }

    @Test
    void nothingAfterTheColonNamesTheRootOnlyWhenTheCallerAllowsIt() throws IOException {
        assertEquals(media.toRealPath(), paths.resolve("0:", 3, true));
        assertEquals("USB file '0:' refused: not a plain path below the mount root", refusal("0:", 3));
        assertTrue(refusal("0:/", 3).endsWith("not a plain path below the mount root"));
    }

    @Test
    void messagesShowTheIdBoundedAndWithoutControlCharacters() {
        assertEquals("USB folder '0:a?b'", new MountPaths(List.of(media), "USB folder").named("0:a\nb"));
        String shown = paths.named("0:" + "a".repeat(300));
        assertEquals("USB file '".length() + 200 + "...'".length(), shown.length());
        assertTrue(shown.endsWith("...'"));
    }

    @Test
    void plainPartsAndConfiguredRoots() {
        for (String part : List.of("STICK", "Lab A", "requests.json", "a..b")) {
            assertTrue(MountPaths.plainPart(part), part);
        }
        for (String part : List.of("", ".", "..", ".hidden", "a\\b", "a\u0000b", "a\tb")) {
            assertFalse(MountPaths.plainPart(part), part);
        }
        assertEquals(List.of(Path.of("/media"), Path.of("/mnt")),
                MountPaths.configured(Arrays.asList("/media", " ", null, "", "/mnt")));
    }
}
