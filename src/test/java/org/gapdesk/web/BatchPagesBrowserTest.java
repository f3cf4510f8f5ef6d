package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** From received requests to a worksheet and call mode in the browser: one click to make the batch. */
@Tag("browser")
class BatchPagesBrowserTest {
    @TempDir
    Path home;

    private CallModeFixture kiosk;
    private Browser browser;

    @BeforeEach
    void start() {
        kiosk = CallModeFixture.start(home, 4, null);
        kiosk.addOperator();
        browser = Browser.start();
        browser.signIn(kiosk.base, CallModeFixture.OPERATOR, SignedInClient.SECRET);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        kiosk.close();
    }

    @Test
    void oneClickMakesABatchWhosePageLeadsToTheWorksheetAndCallMode() {
        browser.open(kiosk.base + "/batches");
        assertTrue(browser.driver().findElement(By.id("batch-lab")).getText().contains("4 ready"));
        shot("batches");
        browser.driver().findElement(By.cssSelector(".batch-form button[type=submit]")).click();
        browser.until(ExpectedConditions.urlMatches("/batches/[0-9]+\\?worksheet=shown#worksheet$"));
        assertEquals(4, browser.driver().findElements(By.cssSelector("table.batch-entries tbody tr")).size());
        String pdf = browser.driver().findElement(By.linkText("Worksheet PDF (print or reprint)")).getAttribute("href");
        assertTrue(pdf.matches(".*/batches/[0-9]+/worksheet\\.pdf"), pdf);
        shot("batch");
        browser.driver().findElement(By.linkText("Call mode: key in CIDs")).click();
        browser.until(ExpectedConditions.textToBe(By.id("call-position"), "Machine 1 of 4"));
    }

    private void shot(String name) {
        String dir = System.getProperty("gapdesk.screenshots");
        if (dir != null) {
            browser.screenshot(Path.of(dir, name + ".png"));
        }
    }
}
