package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.gapdesk.activation.TestIds;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which USB files the import page ticks, against a real H2 file database. */
class UsbTicksTest {
    @TempDir
    Path dir;
    @TempDir
    Path media;

    private final TestIds ids = new TestIds(20261208);
    private Database db;
    private IntakeService intake;
    private UsbDrives drives;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        intake = new IntakeService(db, new FormatDetector(Parsers.standard()), IntakeLimits.DEFAULT,
                Clock.systemUTC());
        drives = new UsbDrives(List.of(media), IntakeLimits.DEFAULT);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void ticksTheToolkitsFilesThatNoImportReadBeforeWhateverTheirNames() throws IOException {
        String old = requestFile("PC-OLD");
        write("gapdesk-request-LAB-A-old.json", old);
        write("gapdesk-request-LAB-A-new.json", requestFile("PC-NEW"));
        write("requests.json", requestFile("PC-OTHER"));
        intake.commit(List.of(new UploadedFile("renamed.json", old.getBytes(StandardCharsets.UTF_8))), new IntakeDefaults("LAB-A"), "Ana Lee");

        UsbTicks ticks = UsbTicks.requestFiles(drives.list(), drives, intake);

        assertEquals(Set.of("0:STICK/gapdesk-request-LAB-A-new.json"), ticks.ticked());
        assertEquals(Set.of("0:STICK/gapdesk-request-LAB-A-old.json"), ticks.importedBefore());
    }

    @Test
    void aFileGoneSinceTheListingIsNotTicked() throws IOException {
        write("gapdesk-request-LAB-A-1.json", requestFile("PC-1"));
        Path gone = write("gapdesk-request-LAB-A-2.json", requestFile("PC-2"));
        UsbDrives.Listing listing = drives.list();
        Files.delete(gone);

        UsbTicks ticks = UsbTicks.requestFiles(listing, drives, intake);

        assertEquals(Set.of("0:STICK/gapdesk-request-LAB-A-1.json"), ticks.ticked());
        assertEquals(Set.of(), ticks.importedBefore());
    }

    @Test
    void readsNoMoreThanItsBudgetToDecide() throws IOException {
        int third = (int) (UsbTicks.MAX_BYTES_READ / 3) + 1;
        for (String name : new String[] {"a", "b", "c"}) {
            write("gapdesk-request-LAB-A-" + name + ".json", requestFile("PC-" + name) + " ".repeat(third));
        }

        UsbTicks ticks = UsbTicks.requestFiles(drives.list(), drives, intake);

        assertEquals(Set.of("0:STICK/gapdesk-request-LAB-A-a.json", "0:STICK/gapdesk-request-LAB-A-b.json"),
                ticks.ticked(), "the third file is past the budget: left for the operator");
    }

    private String requestFile(String machine) {
        return """
                {"format": "gapdesk-request", "version": 1, "lab": "LAB-A", "machines": [
                  {"name": "%s", "products": [{"name": "Windows 11 Enterprise", "channel": "Volume:MAK",
                   "installationId": "%s"}]}]}
                """.formatted(machine, ids.iid63());
    }

    private Path write(String name, String text) throws IOException {
        Path file = Files.createDirectories(media.resolve("STICK")).resolve(name);
        return Files.writeString(file, text);
    }
}
