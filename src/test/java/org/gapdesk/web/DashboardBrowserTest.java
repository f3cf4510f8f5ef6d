package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The dashboard in real headless Chromium over ten weeks of realistic history ({@link LicensingDeskFixture}):
 * every chart renders as SVG with its bars and points laid out, the strict Content-Security-Policy reports no
 * violation; with {@code -Dgapdesk.screenshots=DIR} a screenshot is saved there as {@code dashboard.png}.
 */
@Tag("browser")
class DashboardBrowserTest {
    /** Collects CSP violations from the first moment of every page (a DevTools script, not the page's own). */
    private static final String CSP_WATCH = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile); });";

    @TempDir
    Path home;

    private LicensingDeskFixture desk;
    private Browser browser;

    @BeforeEach
    void start() {
        desk = new LicensingDeskFixture(home, true);
        desk.admin();
        browser = Browser.start();
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_WATCH));
        browser.signIn(desk.base, LicensingDeskFixture.ADMIN, SignedInClient.SECRET);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        desk.close();
    }

    @Test
    void theChartsRenderUnderTheStrictCspAndAScreenshotIsKept() {
        browser.open(desk.base + "/dashboard");
        browser.visible(By.id("chart-activations"));

        List<?> charts = (List<?>) browser.script("return Array.from(document.querySelectorAll('.chart svg'))"
                + ".map(function (s) { var b = s.getBoundingClientRect();"
                + " return [s.closest('.chart').id, Math.round(b.width), Math.round(b.height),"
                + " s.querySelectorAll('rect, circle, path, line, polyline').length]; });");
        assertEquals(5, charts.size(), charts.toString());
        for (Object c : charts) {
            List<?> chart = (List<?>) c;
            assertTrue(((Number) chart.get(1)).intValue() > 300 && ((Number) chart.get(2)).intValue() > 100,
                    "laid out at a readable size: " + chart);
            assertTrue(((Number) chart.get(3)).intValue() > 5, "drawn: " + chart);
        }
        Number segments = (Number) browser.script("return document.querySelectorAll("
                + "'#chart-activations svg .segment').length;");
        assertTrue(segments.intValue() >= 10, "a bar segment per week and channel with activations: " + segments);
        Number filled = (Number) browser.script("var r = document.querySelector('#chart-requests svg .segment');"
                + " return r ? r.getBoundingClientRect().width : 0;");
        assertTrue(filled.doubleValue() > 1, "request bars have width");
        assertEquals(List.of(), browser.script("return window.__cspViolations;"), "no CSP violation");

        long height = ((Number) browser.script("return Math.ceil(document.documentElement.scrollHeight);"))
                .longValue();
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height",
                (int) Math.min(6000, height), "deviceScaleFactor", 1, "mobile", false));
        browser.until(d -> ((Number) browser.script("return window.innerHeight;")).longValue() >= Math.min(6000,
                height) - 1);
        shot("dashboard.png");
        assertEquals(List.of(), browser.script("return window.__cspViolations;"), "no CSP violation");
    }

    @Test
    void adviceAndTheMakPoolRenderUnderTheStrictCsp() {
        browser.open(desk.base + "/advice");
        browser.visible(By.id("advice-LAB-A"));
        assertEquals(List.of(), browser.script("return window.__cspViolations;"), "no CSP violation on /advice");
        shot("advice.png");

        browser.open(desk.base + "/admin/mak");
        browser.visible(By.id("add-last5"));
        assertTrue(browser.driver().findElement(By.cssSelector("table.mak-pool")).getText().contains("XQ7DR"));
        assertEquals(List.of(), browser.script("return window.__cspViolations;"), "no CSP violation on /admin/mak");
        shot("makpool.png");
    }

    /** Saves a screenshot for a person to look at when {@code -Dgapdesk.screenshots=DIR} is given. */
    private void shot(String name) {
        String dir = System.getProperty("gapdesk.screenshots");
        if (dir != null) {
            browser.screenshot(Path.of(dir, name));
        }
    }
}
