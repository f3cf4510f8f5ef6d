package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.bundle.BundleFormat;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.lab.SimulatedLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Writing a lab's bundle to a USB folder from the bundles page: choose the folder, one click, verified. */
@Tag("browser")
class BundlePagesBrowserTest {
    @TempDir
    Path home;
    @TempDir
    Path media;

    private BundleFixture f;
    private Browser browser;

    @BeforeEach
    void start() {
        f = BundleFixture.start(home, media);
        browser = Browser.start();
        browser.signIn("http://127.0.0.1:" + f.port, f.operator.name(), SignedInClient.SECRET);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        f.close();
    }

    @Test
    void oneClickWritesTheBundleToTheChosenUsbFolderAndSaysSoOnlyOnceVerified() throws Exception {
        SimulatedLab lab = BundleFixture.lab(new SyntheticIds(11));
        f.kiosk.intake().commit(List.of(new UploadedFile("r.json", BundleFixture.requestFile(lab))),
                new IntakeDefaults(BundleFixture.LAB), f.operator.name());
        for (ActivationRequest q : f.kiosk.requests().list(BundleFixture.LAB, null, null, 100)) {
            f.kiosk.confirmations().confirm(q.id(), lab.issuedCid(q.iid().digits()), false, false, f.operator.name());
        }
        Path stick = Files.createDirectories(media.resolve("kiosk/STICK"));
        browser.open("http://127.0.0.1:" + f.port + "/bundles");
        new Select(browser.driver().findElement(By.id("bundle-folder"))).selectByValue("0:kiosk/STICK");
        shot("bundles");
        browser.driver().findElement(By.cssSelector(".bundle-form button[value=usb]")).click();
        String done = browser.visible(By.id("bundle-done")).getText();
        assertTrue(done.contains("LAB-A #1") && done.contains("verified"), done);
        assertTrue(Files.isRegularFile(stick.resolve(BundleFormat.folderName("LAB-A", 1)).resolve("manifest.sig")));
        assertEquals(5, f.kiosk.requests().list(BundleFixture.LAB, RequestState.EXPORTED, null, 100).size());
        assertEquals(1, browser.driver().findElements(By.cssSelector("#bundle-list tbody tr")).size());
        shot("bundle-written");
    }

    @Test
    void theToolkitAndKeyPagesShowTheFingerprintForTheTrustStep() {
        String fingerprint = f.kiosk.key().fingerprint();
        browser.open("http://127.0.0.1:" + f.port + "/toolkit");
        assertEquals(fingerprint, browser.visible(By.id("toolkit-fingerprint")).getText());
        assertEquals(3, browser.driver().findElements(By.cssSelector("#toolkit-zips tbody tr")).size());
        shot("toolkit");
        browser.open("http://127.0.0.1:" + f.port + "/key");
        assertEquals(fingerprint, browser.visible(By.id("key-fingerprint")).getText());
        shot("key");
    }

    private void shot(String name) {
        String dir = System.getProperty("gapdesk.screenshots");
        if (dir != null) {
            browser.screenshot(Path.of(dir, name + ".png"));
        }
    }
}
