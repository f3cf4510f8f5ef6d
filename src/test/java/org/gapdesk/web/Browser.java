package org.gapdesk.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, for browser
 * tests (tagged {@code browser}). A test is skipped, not failed, when the binaries are missing; {@code .ci/run}
 * installs them. Waits are explicit: {@link #until} waits for a condition, never for a time.
 *
 * <pre>{@code
 * try (Browser b = Browser.start()) {
 *     b.signIn(base, "Ana Lee", SignedInClient.SECRET);
 *     b.open(base + "/batches");
 *     b.until(ExpectedConditions.titleContains("Batches"));
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {
    /** Debian's Chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's chromedriver, matching {@link #CHROMIUM}. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Longest wait for a condition; generous, since a loaded CI machine may be slow. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /**
     * Starts a headless Chromium with a 1280 x 900 window.
     *
     * @throws org.opentest4j.TestAbortedException (the test is skipped) when Chromium or chromedriver is missing
     */
    public static Browser start() {
        return start(new String[0]);
    }

    /**
     * Starts a headless Chromium with a 1280 x 900 window and {@code extraArgs} added to its command line (e.g.
     * the fake camera's {@code --use-fake-device-for-media-stream}).
     *
     * @throws org.opentest4j.TestAbortedException (the test is skipped) when Chromium or chromedriver is missing
     */
    public static Browser start(String... extraArgs) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--force-device-scale-factor=1", "--lang=en-GB");
        options.addArguments(extraArgs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** The driver, for anything this class does not wrap. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Loads {@code url} and waits until the document is complete. */
    public void open(String url) {
        driver.get(url);
        until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Signs in with the kiosk's sign-in form and waits to leave it.
     *
     * @param base the kiosk's address, e.g. {@code http://127.0.0.1:8080}
     */
    public void signIn(String base, String name, String secret) {
        open(base + "/signin");
        driver.findElement(By.id("signin-name")).sendKeys(name);
        WebElement s = driver.findElement(By.id("signin-secret"));
        s.sendKeys(secret);
        s.submit();
        until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    /** Waits for {@code condition} (e.g. an {@link ExpectedConditions} one) and answers its value. */
    public <T> T until(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Waits until the element is visible and answers it. */
    public WebElement visible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Runs {@code script} in the page; {@code arguments[i]} are the {@code args}. */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves a PNG of the window to {@code file} (its folder is made). */
    public void screenshot(Path file) {
        Path tmp = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.copy(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            tmp.toFile().delete();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
