package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.CheckDigit;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.store.RequestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Call mode in real headless Chromium: typing, pasting, check-digit warnings and their override, replacing a
 * different CID, and the whole flow from the keyboard alone. Every wait is on a condition.
 */
@Tag("browser")
class CallModeBrowserTest {
    @TempDir
    Path home;

    private CallModeFixture kiosk;
    private Browser browser;
    private final TestIds cids = new TestIds(4242);

    @BeforeEach
    void start() {
        kiosk = CallModeFixture.start(home, 3, ActivationChannel.PHONE);
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
    void checkDigitInTheBrowserIsTheJavaCheckDigit() {
        openCall(first());
        Random random = new Random(7);
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int n = i % 3 == 0 ? 6 : 5;
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                sb.append(random.nextInt(10));
            }
            data.add(sb.toString());
        }
        @SuppressWarnings("unchecked")
        List<Long> js = (List<Long>) browser.script(
                "return arguments[0].map(function (d) { return window.GapdeskCid.checkDigit(d); });", data);
        for (int i = 0; i < data.size(); i++) {
            assertEquals(CheckDigit.compute(data.get(i), 0, data.get(i).length()), js.get(i).intValue(), data.get(i));
        }

        // The block statuses the script shows are word for word those the server renders.
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(52);
            for (int k = 0; k < len; k++) {
                int r = random.nextInt(40);
                sb.append(r < 36 ? (char) ('0' + r % 10) : "- xA".charAt(r - 36));
            }
            inputs.add(sb.toString());
        }
        @SuppressWarnings("unchecked")
        List<List<String>> statuses = (List<List<String>>) browser.script(
                "return arguments[0].map(function (raw) { return window.GapdeskCid.analyse(raw, [48]).blocks"
                        + ".map(function (b) { return b.state + '|' + b.status; }); });", inputs);
        for (int i = 0; i < inputs.size(); i++) {
            List<String> java = CidBlocks.of(inputs.get(i)).stream().map(b -> b.state() + "|" + b.status()).toList();
            assertEquals(java, statuses.get(i), inputs.get(i));
        }
    }

    @Test
    void aCidTypedDigitByDigitIsStoredAndTheNextMachineIsShown() {
        openCall(first());
        WebElement input = browser.driver().findElement(By.id("cid"));
        assertEquals(input, browser.driver().switchTo().activeElement(), "the CID input has the focus");
        assertTrue(input.getAttribute("outerHTML").contains("data-sensitive"), "the idle timeout wipes the CID");
        assertEquals("numeric", input.getAttribute("inputmode"));
        String cid = TestIds.digits(cids.cid48());
        for (char c : cid.toCharArray()) {
            input.sendKeys(String.valueOf(c));
        }
        browser.until(d -> d.findElements(By.cssSelector("#cid-blocks li.state-ok")).size() == 8);
        assertEquals(grouped(cid), input.getAttribute("value"), "shown in blocks as typed");
        assertEquals("Block H: complete, check digit correct", browser.driver()
                .findElement(By.cssSelector("#cid-blocks li[data-block=H] .status")).getAttribute("textContent"));
        input.sendKeys(Keys.ENTER);

        browser.until(ExpectedConditions.urlContains("stored=" + first()));
        browser.visible(By.className("call-stored"));
        assertTrue(browser.driver().getCurrentUrl().contains("request=" + second()), browser.driver().getCurrentUrl());
        assertEquals("Machine 2 of 3", browser.driver().findElement(By.id("call-position")).getText());
        assertEquals("PC-002", browser.driver().findElement(By.className("call-host")).getText());
        ActivationRequest stored = kiosk.request(first());
        assertEquals(RequestState.CONFIRMED, stored.state());
        assertEquals(cid, stored.cid());
    }

    @Test
    void aPastedCidWithHyphensIsSpreadOverTheBlocksAndStored() {
        openCall(first());
        String cid = cids.cid48();
        assertTrue(cid.contains("-"));
        // Input.insertText delivers the whole text in one input event, as a paste does.
        browser.driver().executeCdpCommand("Input.insertText", Map.of("text", " " + cid + " "));
        WebElement input = browser.driver().findElement(By.id("cid"));
        browser.until(d -> d.findElements(By.cssSelector("#cid-blocks li.state-ok")).size() == 8);
        assertEquals(cid, input.getAttribute("value"));
        for (int b = 0; b < 8; b++) {
            String letter = String.valueOf((char) ('A' + b));
            assertEquals(cid.split("-")[b], browser.driver()
                    .findElement(By.cssSelector("#cid-blocks li[data-block=" + letter + "] .digits")).getText());
        }
        input.sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("stored=" + first()));
        assertEquals(TestIds.digits(cid), kiosk.request(first()).cid());
    }

    @Test
    void aBlockWithABadCheckDigitIsNamedStoresNothingAndCanBeKeptAfterReListening() {
        openCall(first());
        String good = TestIds.digits(cids.cid48());
        String bad = TestIds.breakGroup(good, 4, 6);
        String blockD = bad.substring(18, 24);
        int expected = CheckDigit.compute(blockD, 0, 5);
        WebElement input = browser.driver().findElement(By.id("cid"));
        input.sendKeys(bad.substring(0, 24));
        String warning = "Block D: check digit should be " + expected + " \u2014 ask for block D again";
        browser.until(ExpectedConditions.textToBe(By.cssSelector("#cid-message .warning"), warning));
        assertTrue(browser.driver().findElement(By.cssSelector("#cid-blocks li[data-block=D]")).getAttribute("class")
                .contains("state-warning"));
        assertEquals(warning, browser.driver().findElement(By.cssSelector("#cid-blocks li[data-block=D] .status"))
                .getAttribute("textContent"));
        input.sendKeys(bad.substring(24));
        input.sendKeys(Keys.ENTER);

        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cid-message"), "Correct block D"));
        assertTrue(browser.driver().findElement(By.id("cid-keep")).isDisplayed());
        ActivationRequest untouched = kiosk.request(first());
        assertEquals(RequestState.ON_WORKSHEET, untouched.state(), "nothing stored on a warning");
        assertNull(untouched.cid());

        new Actions(browser.driver()).sendKeys("k").perform();
        browser.until(ExpectedConditions.urlContains("stored=" + first()));
        ActivationRequest kept = kiosk.request(first());
        assertEquals(bad, kept.cid());
        List<RequestEvent> history = kiosk.kiosk.requests().history(first());
        RequestEvent last = history.get(history.size() - 1);
        assertTrue(last.detail().contains("overridden after re-listening") && last.detail().contains("block D"),
                last.detail());
        assertEquals(CallModeFixture.OPERATOR, last.operator());
    }

    @Test
    void theWholeBatchFromTheKeyboardAlone() {
        openCall(first());
        Actions keys = new Actions(browser.driver());
        List<String> groups = kiosk.request(first()).iid().groups();

        // Reading the IID: Space and the arrows move, R repeats.
        assertEquals(groups.get(0), browser.driver().findElement(By.id("iid-reader-digits")).getText());
        keys.sendKeys(" ").sendKeys(" ").perform();
        browser.until(ExpectedConditions.textToBe(By.id("iid-reader-digits"), groups.get(2)));
        assertEquals("step", browser.driver().findElement(By.cssSelector("#iid-groups li[data-group='2']"))
                .getAttribute("aria-current"));
        keys.sendKeys(Keys.ARROW_LEFT).perform();
        browser.until(ExpectedConditions.textToBe(By.id("iid-reader-digits"), groups.get(1)));
        keys.sendKeys("r").perform();
        browser.until(ExpectedConditions.attributeContains(By.id("iid-reader"), "class", "repeat"));
        assertEquals(groups.get(1), browser.driver().findElement(By.id("iid-reader-digits")).getText());
        assertEquals("", browser.driver().findElement(By.id("cid")).getAttribute("value"), "keys typed no CID");

        List<String> keyed = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            long id = kiosk.requestIds.get(m);
            browser.until(ExpectedConditions.textToBe(By.className("call-host"), String.format("PC-%03d", m + 1)));
            String cid = TestIds.digits(cids.cid48());
            keyed.add(cid);
            keys.sendKeys(cid).sendKeys(Keys.ENTER).perform();
            browser.until(ExpectedConditions.urlContains("stored=" + id));
        }
        browser.visible(By.id("done-heading"));
        assertEquals("Every request of this batch has a CID", browser.driver().findElement(By.id("done-heading"))
                .getText());
        for (int m = 0; m < 3; m++) {
            assertEquals(keyed.get(m), kiosk.request(kiosk.requestIds.get(m)).cid());
        }
    }

    @Test
    void aDifferentCidOnRecordIsOnlyReplacedWhenConfirmed() {
        String onRecord = TestIds.digits(cids.cid48());
        assertEquals(ConfirmStatus.STORED, kiosk.kiosk.confirmations().confirm(first(), onRecord, false, false,
                "Ben Other").status());
        openCall(first());
        String other = TestIds.digits(cids.cid48());
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(other).sendKeys(Keys.ENTER).perform();

        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cid-message"),
                "This IID already has a different CID on record: " + grouped(onRecord) + ". Replace it?"));
        assertTrue(browser.driver().findElement(By.id("cid-replace")).isDisplayed());
        assertFalse(browser.driver().findElement(By.id("cid-keep")).isDisplayed());
        assertEquals(onRecord, kiosk.request(first()).cid(), "nothing replaced yet");

        // Tab: Confirm, then Replace (the hidden Keep button is skipped).
        keys.sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertEquals("cid-replace", browser.driver().switchTo().activeElement().getAttribute("id"));
        keys.sendKeys(Keys.ENTER).perform();
        browser.until(ExpectedConditions.urlContains("stored=" + first()));
        assertEquals(other, kiosk.request(first()).cid());
        List<RequestEvent> history = kiosk.kiosk.requests().history(first());
        assertTrue(history.get(history.size() - 1).detail().contains("replaced the CID on record " + grouped(onRecord)),
                history.get(history.size() - 1).detail());
    }

    @Test
    void screenshotOfCallMode() {
        // Machine 1 done, so the page shows the "stored" notice; machine 2 half keyed, group 3 being read.
        String cid = TestIds.digits(cids.cid48());
        kiosk.kiosk.confirmations().confirm(first(), cid, false, false, CallModeFixture.OPERATOR);
        browser.open(kiosk.base + "/batches/" + kiosk.batch.id() + "/call?request=" + second() + "&stored=" + first());
        new Actions(browser.driver()).sendKeys(" ").sendKeys(" ").perform();
        String next = TestIds.digits(cids.cid48());
        browser.driver().findElement(By.id("cid")).sendKeys(next.substring(0, 27));
        browser.until(d -> d.findElements(By.cssSelector("#cid-blocks li.state-ok")).size() == 4);
        String dir = System.getProperty("gapdesk.screenshots");
        Path out = dir != null ? Path.of(dir, "call-mode.png")
                : Path.of(System.getProperty("java.io.tmpdir"), "gapdesk-call-mode.png");
        browser.screenshot(out);
        assertTrue(out.toFile().length() > 10_000, out.toString());

        // The rest keyed with block F misheard: the warning names it, and the keep button appears.
        String misheard = TestIds.breakGroup(next, 6, 6);
        browser.driver().findElement(By.id("cid")).sendKeys(misheard.substring(27));
        browser.visible(By.id("cid-keep"));
        Path warning = out.resolveSibling(out.getFileName().toString().replace(".png", "-warning.png"));
        browser.screenshot(warning);
        assertTrue(warning.toFile().length() > 10_000, warning.toString());
    }

    private long first() {
        return kiosk.requestIds.get(0);
    }

    private long second() {
        return kiosk.requestIds.get(1);
    }

    private void openCall(long requestId) {
        browser.open(kiosk.base + "/batches/" + kiosk.batch.id() + "/call?request=" + requestId);
        browser.visible(By.id("iid-reader"));
    }

    private static String grouped(String digits) {
        return String.join("-", digits.split("(?<=\\G.{6})"));
    }
}
