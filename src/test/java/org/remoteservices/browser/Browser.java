package org.remoteservices.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * Debian's headless Chromium driven by its chromedriver (no Selenium Manager download): pages opened against the running
 * test application, axe-core run on each (fails on a serious or critical violation), a width check for phone screens,
 * screenshots into target/browser-screenshots (or -Dbrowser.screenshots=docs/screenshots).
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  static final Path AXE = Path.of(System.getProperty("browser.axe", "tools/browser/node_modules/axe-core/axe.min.js"));
  static final Path SHOTS = Path.of(System.getProperty("browser.screenshots", "target/browser-screenshots"));

  final WebDriver driver;
  final WebDriverWait wait;
  private final String base;
  private final int width;
  private final String axe;

  /** Skips the calling test (a JUnit assumption, with a plain message) when Chromium, chromedriver or axe-core is missing. */
  static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM), "browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium chromium-driver)");
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "browser tests skipped: no chromedriver at " + CHROMEDRIVER + " (apt-get install -y chromium-driver)");
    assumeTrue(Files.isReadable(AXE), "browser tests skipped: no axe-core at " + AXE + " (cd tools/browser && npm ci)");
  }

  /** A browser window of the given size; {@code phone} makes it a touch phone (mobile emulation). */
  Browser(int port, int width, int height, boolean phone) {
    this(port, width, height, phone, "UTC");
  }

  /** As above, the browser's own time zone {@code zone} (the {@code TZ} of the Chromium process). */
  Browser(int port, int width, int height, boolean phone, String zone) {
    this.base = "http://localhost:" + port;
    this.width = width;
    try {
      this.axe = Files.readString(AXE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en-US");
    if (phone) {
      options.setExperimentalOption("mobileEmulation", Map.of(
          "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
    } else {
      options.addArguments("--window-size=" + width + "," + height);
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", zone)).build();
    this.driver = new ChromeDriver(service, options);
    if (!phone) {
      driver.manage().window().setSize(new Dimension(width, height));
    }
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  void open(String path) {
    driver.get(base + path);
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void type(By by, String text) {
    WebElement field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  void click(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
    element.click();
  }

  /** Clicks where a person taps on the element (for controls drawn over by a styled label, as the survey's rating). */
  void tap(By by) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(element).click().perform();
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Logs in through Tasklist's own login page (the staff pages share its session). */
  void loginToTasklist(String user, String password) {
    open("/camunda/app/tasklist/default/");
    By name = By.cssSelector("form input[type=text]");
    By secret = By.cssSelector("form input[type=password]");
    By submit = By.cssSelector("form button[type=submit]");
    visible(secret);
    // the Angular login form may still be starting when it first shows: type again until it takes the input
    pause(500);
    type(name, user);
    type(secret, password);
    for (int attempt = 0; attempt < 10 && !user.equals(driver.findElement(name).getDomProperty("value")); attempt++) {
      pause(500);
      type(name, user);
      type(secret, password);
    }
    screenshot("tasklist-login");
    click(submit);
    try {
      wait.until(d -> d.findElements(secret).isEmpty());
    } finally {
      screenshot("tasklist-after-login");
    }
  }

  /** Opens a task in Tasklist (its own URL) and waits for its form. */
  void openTask(String taskId) {
    open("/camunda/app/tasklist/default/#/?task=" + taskId);
    visible(By.cssSelector(".fjs-form"));
    pause(500);
  }

  /** Claims the task open in Tasklist (its "Claim" button), waits until it is the user's and opens it again. */
  void claim(String taskId) {
    click(By.cssSelector("button.claim"));
    try {
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    } finally {
      screenshot("tasklist-claimed");
    }
    pause(500);
    openTask(taskId);
  }

  /**
   * The input of the form-js field whose label reads {@code label} (the required asterisk aside), or {@code label} followed
   * by a parenthesis ("Session start (yyyy-MM-dd HH:mm, Europe/Berlin time)").
   */
  WebElement field(String label) {
    return wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
        "const want = arguments[0];"
            + "for (const l of document.querySelectorAll('.fjs-form label')) {"
            + "  const text = l.textContent.replace('*', '').trim();"
            + "  if (text === want || text.startsWith(want + ' (')) { return l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector('input'); }"
            + "} return null;", label));
  }

  /** Types into a form-js field found by its label, then leaves it (date and time pickers read it on blur). */
  void fill(String label, String text) {
    WebElement input = field(label);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", input);
    input.click();
    input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
    input.sendKeys(text);
    input.sendKeys(org.openqa.selenium.Keys.TAB);
    pause(200);
  }

  /** Ticks a form-js radio or checklist option by its label. */
  void choose(String optionLabel) {
    WebElement input = field(optionLabel);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", input);
    input.click();
    pause(200);
  }

  /** Picks an option of a form-js select field (its own dropdown list, not a native select). */
  void select(String label, String option) {
    WebElement input = field(label);
    WebElement box = (WebElement) ((JavascriptExecutor) driver).executeScript(
        "const f = arguments[0].closest('.fjs-form-field'); return f.querySelector('.fjs-input-group') || arguments[0];", input);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", box);
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(box).click().perform();
    WebElement item = wait.until(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(e -> e.getText().strip().equals(option)).findFirst().orElse(null));
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(item).click().perform();
    pause(200);
  }

  /** Presses Tasklist's "Complete" button. */
  void complete() {
    click(By.cssSelector("button.btn-primary[ng-click='complete()']"));
  }

  /** The text of Tasklist's notifications (a refused form's sentence shows there). */
  String notifications() {
    return driver.findElements(By.cssSelector("[notifications-panel], .notifications, .page-notifications, .alert")).stream().map(WebElement::getText)
        .reduce("", (a, b) -> a + " " + b).strip();
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs axe-core on the page as it is now and fails on any serious or critical violation; on a phone screen also fails
   * when the page is wider than the screen. Saves a screenshot as {@code name}.png.
   */
  @SuppressWarnings("unchecked")
  void check(String name) {
    screenshot(name);
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axe);
    Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            + " targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}))}), e => done({error: String(e)}));");
    assertThat(result.get("error")).as(name + ": axe-core failed").isNull();
    List<String> bad = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
      if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
        bad.add(v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at " + v.get("targets"));
      }
    }
    assertThat(bad).as(name + " (" + driver.getCurrentUrl() + "): serious or critical accessibility violations").isEmpty();
    if (width <= 400) {
      long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
      Object wide = js.executeScript("return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > "
          + width + ").slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
      assertThat(scroll).as(name + ": page width on a " + width + " px screen; too wide: " + wide).isLessThanOrEqualTo(width);
    }
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SHOTS);
      Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
