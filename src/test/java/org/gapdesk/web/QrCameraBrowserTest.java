package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.qr.QrRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The webcam in real headless Chromium: its fake camera plays a video of a multi-part QR sequence in which the
 * first pass drops some parts and repeats others (the file loops, so every part comes round); the page sends
 * frames to the kiosk until the message is complete, and the import stores exactly the request set.
 */
@Tag("browser")
class QrCameraBrowserTest {
    private static final int FPS = 5;
    /** Frames each code is held for. */
    private static final int HOLD = 4;
    /** A full loop of the video is about 20 s; allow several. */
    private static final Duration SCAN_WAIT = Duration.ofSeconds(120);

    @TempDir
    Path home;
    @TempDir
    Path tmp;

    private CallModeFixture kiosk;
    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void aLoopingVideoWithDroppedAndRepeatedPartsEndsWithTheCompleteRequestSet() {
        QrRequest request = QrFixture.lab(9, 20261123L);
        List<String> parts = QrFixture.parts(request, 150);
        assertTrue(parts.size() >= 6, parts.size() + " parts");
        Path video = tmp.resolve("qr-sequence.y4m");
        Y4mVideo.write(video, FPS, frames(parts));

        kiosk = CallModeFixture.start(home, 0, null);
        kiosk.addOperator();
        browser = Browser.start("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video);
        browser.signIn(kiosk.base, CallModeFixture.OPERATOR, SignedInClient.SECRET);
        browser.open(kiosk.base + "/qr");
        browser.visible(By.id("qr-camera-start")).click();
        browser.visible(By.id("qr-video"));

        // the status panel is replaced as each answer comes: an element found may be gone a moment later
        WebDriverWait scan = new WebDriverWait(browser.driver(), SCAN_WAIT);
        scan.ignoring(StaleElementReferenceException.class);
        scan.until(d -> {
            WebElement p = d.findElement(By.id("qr-progress"));
            return "scanning".equals(p.getAttribute("data-state")) && p.getText().matches("[3-9] of .* missing .*");
        });
        shot("qr-intake");
        scan.until(ExpectedConditions.attributeToBe(By.id("qr-progress"), "data-state", "complete"));
        String status = browser.driver().findElement(By.id("qr-status")).getText();
        assertTrue(status.contains("complete"), status);
        browser.driver().findElement(By.id("qr-camera-stop")).click();

        browser.driver().findElement(By.id("qr-preview")).click();
        browser.until(ExpectedConditions.urlContains("/import/preview/"));
        browser.driver().findElement(By.cssSelector("form.confirm button[type=submit]")).click();
        browser.until(ExpectedConditions.urlContains("/import/done/"));

        assertEquals(QrFixture.expected(request),
                QrFixture.stored(kiosk.kiosk.requests().list("LAB-A", null, null, 1000)));
    }

    @Test
    void aHandheldScannerTypingPartsEachEndedWithEnterCompletesTheMessageWithoutReloadingThePage() {
        QrRequest request = QrFixture.lab(5, 99L);
        List<String> parts = QrFixture.parts(request, 150);
        kiosk = CallModeFixture.start(home, 0, null);
        kiosk.addOperator();
        browser = Browser.start();
        browser.signIn(kiosk.base, CallModeFixture.OPERATOR, SignedInClient.SECRET);
        browser.open(kiosk.base + "/qr");
        browser.script("document.body.setAttribute('data-marker', 'same page')");
        WebElement field = browser.visible(By.id("qr-scan"));
        for (int i = parts.size() - 1; i >= 0; i--) {
            field.sendKeys(parts.get(i) + Keys.ENTER);
        }
        WebDriverWait wait = new WebDriverWait(browser.driver(), Browser.WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.attributeToBe(By.id("qr-progress"), "data-state", "complete"));
        assertEquals("same page", browser.script("return document.body.getAttribute('data-marker')"));
        assertEquals("", field.getAttribute("value"));
    }

    /**
     * First pass: parts in order, but the second and the next-to-last dropped, the third held twice as long
     * and the first shown again at the end; second pass: every part once. An empty screen between codes.
     */
    private static List<BitMatrix> frames(List<String> parts) {
        int n = parts.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 1 || i == n - 2) {
                continue;
            }
            order.add(i);
            if (i == 2) {
                order.add(i);
            }
        }
        order.add(0);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        List<BitMatrix> frames = new ArrayList<>();
        for (int i : order) {
            BitMatrix code = QrFixture.matrix(parts.get(i), 1);
            for (int k = 0; k < HOLD; k++) {
                frames.add(code);
            }
            frames.add(null);
        }
        return frames;
    }

    private void shot(String name) {
        String dir = System.getProperty("gapdesk.screenshots");
        if (dir != null) {
            browser.screenshot(Path.of(dir, name + ".png"));
        }
    }
}
