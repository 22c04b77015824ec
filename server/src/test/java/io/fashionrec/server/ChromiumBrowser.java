package io.fashionrec.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, for the web page's browser
 * tests. Both binaries are named explicitly, so Selenium Manager never runs and nothing is
 * downloaded: a machine without them fails with the command that installs them. Not thread-safe;
 * one per test class, closed after it.
 */
public final class ChromiumBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Test output, next to surefire's reports (the working directory is the module's). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /**
     * Selenium warns when it has no DevTools binding for this Chromium's version; these tests use
     * none (emulation goes through chromedriver), so the warning is only noise. Held here because
     * java.util.logging keeps loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final String baseUrl;

    private ChromiumBrowser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A desktop-sized browser (1280x900) for the site at {@code baseUrl} (e.g. http://127.0.0.1:1234). */
    public static ChromiumBrowser desktop(String baseUrl) {
        ChromeOptions options = options();
        options.addArguments("--window-size=1280,900");
        return start(options, baseUrl);
    }

    private static ChromeOptions options() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                fail(binary + " is missing: the browser tests drive Debian's Chromium. Run ./test.sh, which installs"
                        + " it, or: apt-get install -y chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run");
        return options;
    }

    private static ChromiumBrowser start(ChromeOptions options, String baseUrl) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromiumBrowser(new ChromeDriver(service, options), baseUrl);
    }

    /**
     * Until {@link #stopPhone}, lays pages out on a 390x844 CSS-pixel touch screen, as a phone
     * shows them (by device emulation: headless Chromium makes no window narrower than 500 px).
     * Takes effect on the next page load.
     */
    void emulatePhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
    }

    /** Back to the desktop window after {@link #emulatePhone}. */
    void stopPhone() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads a path of the site (a full page load, as typing the URL would). */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** The path and query of the page shown, e.g. {@code /product/12}. */
    public String location() {
        return (String) script("return location.pathname + location.search");
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Waits (up to 10 s) until {@code condition} returns something other than null or false. On
     * timeout the viewport is saved as {@code target/screenshots/failed-<what>.png} to see why.
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).withMessage(() -> what + " (page: " + location() + ", alert: '"
                    + alertText() + "')").until(condition);
        } catch (TimeoutException e) {
            screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }

    public List<WebElement> byTestId(String testId) {
        return driver.findElements(By.cssSelector("[data-testid='" + testId + "']"));
    }

    WebElement oneByTestId(String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    /** The product ids of the cards carrying {@code testId}, in page order. */
    @SuppressWarnings("unchecked")
    public List<String> ids(String testId) {
        return (List<String>) script("return [...document.querySelectorAll(\"[data-testid='" + testId
                + "']\")].map((card) => card.dataset.productId)");
    }

    /** Waits until at least one card carries {@code testId} and the list holding them is not loading. */
    public List<String> awaitCards(String testId) {
        return await("cards '" + testId + "' to appear", d -> {
            Boolean busy = (Boolean) script("return document.querySelector(\"[data-testid='" + testId
                    + "']\")?.closest('[aria-busy]')?.getAttribute('aria-busy') === 'true'");
            List<String> ids = ids(testId);
            return ids.isEmpty() || busy ? null : ids;
        });
    }

    /** The text of the page's message area, or "" when it is hidden. */
    String alertText() {
        return (String) script("const a = document.getElementById('alert'); return a && !a.hidden ? a.innerText.trim() : ''");
    }

    /** Saves what the viewport shows as {@code target/screenshots/<name>.png}; returns the file. */
    public Path screenshot(String name) {
        return save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE));
    }

    /** Saves one element's picture as {@code target/screenshots/<name>.png}; returns the file. */
    Path screenshot(String name, WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        return save(name, element.getScreenshotAs(OutputType.FILE));
    }

    private static Path save(String name, File shot) {
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.move(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
