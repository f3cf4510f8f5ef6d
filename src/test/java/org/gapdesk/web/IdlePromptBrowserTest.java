package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.gapdesk.Kiosk;
import org.gapdesk.operator.Role;
import org.gapdesk.operator.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The "still there?" prompt in real headless Chromium. The kiosk's clock is a {@link HandClock}; the page is
 * told to ask the kiosk at once ({@code GapdeskIdle.check()}) instead of waiting for its timer, so nothing
 * waits for time to pass.
 */
@Tag("browser")
class IdlePromptBrowserTest {
    private static final String ADMIN = "Ada Admin";

    @TempDir
    Path home;

    private final HandClock clock = new HandClock(Instant.parse("2026-11-20T09:00:00Z"));
    private Kiosk kiosk;
    private WebServer server;
    private Browser browser;
    private String base;

    @BeforeEach
    void start() {
        kiosk = SignedInClient.openKiosk(home, clock);
        kiosk.operators().add(ADMIN, Role.ADMIN, SignedInClient.SECRET.toCharArray(), "test");
        server = new WebServer(kiosk);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        browser = Browser.start();
        browser.signIn(base, ADMIN, SignedInClient.SECRET);
        browser.open(base + "/admin/operators");
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
    void stillHereRenewsTheSessionAndTimeUpWipesHalfTypedInputAndSignsOut() {
        halfType();
        clock.advance(Duration.ofMinutes(5).minusSeconds(20));
        browser.script("window.GapdeskIdle.check();");
        WebElement dialog = browser.visible(By.id("idle-dialog"));
        assertTrue(dialog.getText().contains("Still there?"), dialog.getText());
        String count = browser.driver().findElement(By.id("idle-count")).getText();
        assertTrue(Integer.parseInt(count) <= 20, count);
        String dir = System.getProperty("gapdesk.screenshots");
        if (dir != null) {
            browser.screenshot(Path.of(dir, "idle-prompt.png"));
        }

        browser.driver().findElement(By.id("idle-stay")).click();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("idle-dialog")));
        assertEquals(clock.instant(), session().lastSeen(), "\"still here\" renewed the session");
        assertEquals("my-half-typed-pin", value("add-secret"), "answering keeps what was typed");

        browser.script("window.addEventListener('pagehide', function () {"
                + " sessionStorage.setItem('seen', [document.getElementById('add-secret').value,"
                + " document.getElementById('add-name').value,"
                + " document.querySelector('form[action=\"/admin/operators/add\"] input[name=_csrf]').value"
                + " ? 'token kept' : 'token lost'].join('|')); });");
        clock.advance(Duration.ofMinutes(5));
        browser.script("window.GapdeskIdle.check();");
        browser.until(d -> d.getCurrentUrl().contains("/signin"));
        assertTrue(browser.driver().getCurrentUrl().endsWith("/signin?ended=1&next=%2Fadmin%2Foperators"),
                browser.driver().getCurrentUrl());
        assertEquals("||token kept", browser.script("return sessionStorage.getItem('seen');"),
                "the secret and the name were wiped before leaving; hidden fields are left alone");
        assertTrue(browser.driver().findElement(By.id("signin-notice")).getText().contains("You were signed out"));
    }

    @Test
    void typingCountsAsBeingThereAndRenewsWithoutAsking() {
        browser.driver().findElement(By.id("add-name")).sendKeys("Cleo");
        clock.advance(Duration.ofMinutes(5).minusSeconds(20));
        browser.script("window.GapdeskIdle.check();");
        browser.until(d -> clock.instant().equals(session().lastSeen()));
        assertFalse(browser.driver().findElement(By.id("idle-dialog")).isDisplayed());
    }

    private void halfType() {
        browser.script("document.getElementById('add-name').value = 'Half Typed';"
                + " document.getElementById('add-secret').value = 'my-half-typed-pin';");
    }

    private String value(String id) {
        return browser.driver().findElement(By.id(id)).getDomProperty("value");
    }

    private Session session() {
        String token = browser.driver().manage().getCookieNamed(SessionOperatorResolver.COOKIE).getValue();
        return kiosk.sessions().peek(token).orElseThrow(() -> new AssertionError("no live session"));
    }
}
