package vn.hoso.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium for browser tests. Chromium and ChromeDriver come from Debian (chromium,
 * chromium-driver); their paths can be set with -Dhoso.chromium and -Dhoso.chromedriver. Screenshots and, on
 * failure, the page source go to target/screenshots.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final WebDriver driver;
    public final Path downloads;

    private Browser(WebDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    public static Browser headless(int width, int height) {
        String chromium = System.getProperty("hoso.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("hoso.chromedriver", "/usr/bin/chromedriver");
        assertThat(Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver)))
                .as("the browser tests need Debian's chromium and chromium-driver: "
                        + "apt-get update && apt-get install -y chromium chromium-driver")
                .isTrue();
        try {
            Path downloads = Files.createTempDirectory("hoso-downloads");
            Path profile = Files.createTempDirectory("hoso-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height, "--lang=vi-VN", "--force-device-scale-factor=1");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "vi-VN,vi"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver))
                    .usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // single-page apps re-render while we look
        return wait;
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser showed when a test failed, kept for whoever reads the report. */
    public void keepFailureEvidence(String name) {
        try {
            screenshot(name + "-failure");
            Files.writeString(SCREENSHOTS.resolve(name + "-failure.html"), driver.getPageSource());
        } catch (Exception ignored) {
            // evidence only
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
