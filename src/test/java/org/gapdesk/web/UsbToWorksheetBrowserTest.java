package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.gapdesk.operator.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The design's operator-effort bar in real headless Chromium: from a USB drive holding the lab toolkit's request
 * file to the worksheet on screen in three clicks (preview, confirm, the telephone worksheet), counted.
 */
@Tag("browser")
class UsbToWorksheetBrowserTest {
    private static final String OPERATOR = "Ana Lee";

    @TempDir
    Path home;
    @TempDir
    Path media;

    private final TestIds ids = new TestIds(20261208);
    private Kiosk kiosk;
    private WebServer server;
    private String base;
    private Browser browser;
    private int clicks;

    @BeforeEach
    void start() throws IOException {
        TestSite.write(home, media);
        kiosk = SignedInClient.openKiosk(home);
        kiosk.operators().add(OPERATOR, Role.OPERATOR, SignedInClient.SECRET.toCharArray(), "test");
        server = new WebServer(kiosk);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        browser = Browser.start();
        browser.signIn(base, OPERATOR, SignedInClient.SECRET);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop();
        kiosk.close();
    }

    @Test
    void threeClicksFromAUsbDriveToTheWorksheetOnScreen() throws IOException {
        Path stick = Files.createDirectories(media.resolve("STICK"));
        Files.writeString(stick.resolve("gapdesk-request-LAB-A-7f3a.json"), new RequestFileJson("LAB-A")
                .mak("PC-001", ids.iid63()).mak("PC-002", ids.iid63()).mak("PC-003", ids.iid63()).toString());
        Files.writeString(stick.resolve("notes.txt"), "not a request file");

        browser.open(base + "/import");
        assertTrue(checkbox("STICK/gapdesk-request-LAB-A-7f3a.json").isSelected(), "the toolkit's file is ticked");
        assertFalse(checkbox("STICK/notes.txt").isSelected(), "other files are left to the operator");

        click(By.cssSelector("form[action='/import/preview'] button[type=submit]"));
        browser.until(ExpectedConditions.urlContains("/import/preview/"));
        click(By.cssSelector("form.confirm button[type=submit]"));
        browser.until(ExpectedConditions.urlContains("/import/done/"));
        assertTrue(browser.driver().findElement(By.id("next-heading")).isDisplayed());
        click(By.cssSelector("form.worksheet-now button[value=phone]"));
        browser.until(ExpectedConditions.urlMatches("/batches/[0-9]+\\?worksheet=shown#worksheet$"));

        assertEquals(3, clicks);
        WebElement frame = browser.visible(By.cssSelector("#worksheet iframe.worksheet-pdf"));
        String pdf = frame.getAttribute("src");
        assertTrue(pdf.matches(".*/batches/[0-9]+/worksheet\\.pdf"), pdf);
        assertEquals("200 application/pdf", browser.script(
                "return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('Content-Type'));", pdf));
        browser.until(d -> Boolean.TRUE.equals(browser.script("const doc = arguments[0].contentDocument;"
                + " return doc != null && doc.contentType === 'application/pdf';", frame)));
        List<ActivationRequest> lab = kiosk.requests().list("LAB-A", null, null, 10);
        assertEquals(3, lab.size());
        lab.forEach(r -> assertEquals(RequestState.ON_WORKSHEET, r.state(), r.machine().name()));
        assertTrue(browser.driver().getPageSource().contains("Telephone channel · 3 IIDs"));
        String dir = System.getProperty("gapdesk.screenshots");
        if (dir != null) {
            browser.screenshot(Path.of(dir, "usb-to-worksheet.png"));
        }
    }

    private WebElement checkbox(String path) {
        return browser.driver().findElement(By.cssSelector("input[type=checkbox][value='0:" + path + "']"));
    }

    private void click(By by) {
        browser.visible(by).click();
        clicks++;
    }
}
