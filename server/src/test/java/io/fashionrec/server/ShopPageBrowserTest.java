package io.fashionrec.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The shop page in a real headless Chromium against a real server over a synthetic catalog:
 * what a shopper sees and does (browse, search, filter, open a product, tune the image/text
 * balance, upload a photo, come back to recommendations) and that it works with the keyboard and
 * on a phone. Screenshots go to {@code target/screenshots/}.
 */
class ShopPageBrowserTest {

    /** More than one page of 24, so "show more" has something to show. */
    private static final int PRODUCTS = 60;

    @TempDir
    static Path dir;
    private static SyntheticShop shop;
    private static ChromiumBrowser browser;

    @BeforeAll
    static void open() {
        shop = SyntheticShop.open(dir, PRODUCTS);
        browser = ChromiumBrowser.desktop(shop.server().url());
        browser.open("/"); // the shop's origin, whose local storage each test clears
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    /** Every test starts from a browser that has visited nothing. */
    @BeforeEach
    void forgetHistory() {
        browser.script("localStorage.clear()");
    }

    private static String id(int ordinal) {
        return shop.index().products().id(ordinal);
    }

    private static String name(int ordinal) {
        return shop.index().products().name(ordinal);
    }

    private static String attribute(String id, String attribute) {
        return shop.index().products().attribute(shop.index().products().ordinal(id), attribute);
    }

    /** Opens the grid by URL and waits for its first page. */
    private static List<String> openGrid() {
        browser.open("/");
        return browser.awaitCards("product");
    }

    /** Opens a product page by URL and waits for its recommendations. */
    private static List<String> openProduct(String id) {
        browser.open("/product/" + id);
        awaitProductName();
        return browser.awaitCards("recommendation");
    }

    private static String awaitProductName() {
        return browser.await("the product's name", d -> browser.byTestId("product-name").isEmpty()
                ? null : browser.oneByTestId("product-name").getText());
    }

    @SuppressWarnings("unchecked")
    private static List<String> viewed() {
        return (List<String>) browser.script("return JSON.parse(localStorage.getItem('fashionrec.history') ?? '[]')");
    }

    /**
     * Waits until the pictures of the cards carrying {@code testId} that are in view have loaded
     * (cards scrolled out of view load lazily, when they come near).
     */
    private static void awaitPicturesLoaded(String testId) {
        browser.await("the pictures of '" + testId + "' to load", d -> (Boolean) browser.script(
                "const images = [...document.querySelectorAll(\"[data-testid='" + testId + "'] img\")].filter((img) => {"
                        + " const box = img.getBoundingClientRect();"
                        + " return box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight; });"
                        + " return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0)"));
    }

    /** Waits until the recommendation strip shows the ranking for the slider's current value. */
    private static List<String> awaitStripFor(int sliderValue) {
        String weight = String.valueOf(sliderValue / 100.0).replaceAll("\\.0$", "");
        return browser.await("the strip re-ranked for image weight " + weight, d -> {
            WebElement strip = browser.oneByTestId("recommendations");
            boolean done = weight.equals(strip.getAttribute("data-image-weight"))
                    && "false".equals(strip.getAttribute("aria-busy"));
            return done ? browser.ids("recommendation") : null;
        });
    }

    private static int sliderValue() {
        return Integer.parseInt(browser.oneByTestId("balance-slider").getAttribute("value"));
    }

    @Test
    void theGridShowsTheCatalogAndShowMoreAddsTheNextPage() throws Exception {
        List<String> first = openGrid();
        assertEquals(24, first.size(), "one page of 24");
        assertEquals(List.of(id(0), id(1), id(2)), first.subList(0, 3), "catalog order without a search");
        WebElement card = browser.byTestId("product").get(0);
        assertEquals("/product/" + id(0), new URI(card.getAttribute("href")).getPath(), "cards are links");
        assertTrue(card.getText().contains(name(0)), card.getText());
        assertEquals(name(0), card.findElement(By.tagName("img")).getAttribute("alt"), "the alt text is the name");
        assertEquals(PRODUCTS + " products", browser.oneByTestId("catalog-count").getText());
        assertEquals("All products — fashionrec", browser.driver().getTitle());
        awaitPicturesLoaded("product");
        browser.screenshot("grid");

        browser.oneByTestId("more-button").click();
        List<String> two = browser.await("the second page", d -> browser.ids("product").size() == 48 ? browser.ids("product") : null);
        assertEquals(first, two.subList(0, 24), "the first page stays");
        assertEquals(id(24), two.get(24));
    }

    @Test
    void searchingAndFilteringChangeTheGridAndBackUndoesThem() {
        List<String> all = openGrid();
        String wanted = name(17);
        browser.oneByTestId("search-input").sendKeys(wanted, Keys.ENTER);
        List<String> found = browser.await("the search results", d -> {
            List<String> ids = browser.ids("product");
            return browser.location().startsWith("/?q=") && !ids.isEmpty() && !ids.equals(all) ? ids : null;
        });
        String firstName = browser.byTestId("product").get(0).findElement(By.className("card__name")).getText();
        assertEquals(wanted.toLowerCase(Locale.ROOT), firstName.toLowerCase(Locale.ROOT), "ranked first; ids " + found);
        assertTrue(browser.driver().getTitle().contains(wanted), browser.driver().getTitle());

        String type = attribute(id(17), "articleType");
        new Select(browser.oneByTestId("filter-articleType")).selectByValue(type);
        List<String> filtered = browser.await("the filtered grid", d -> browser.location().contains("articleType=")
                && !browser.ids("product").equals(found) ? browser.ids("product") : null);
        for (String id : filtered) {
            assertEquals(type, attribute(id, "articleType"), "product " + id + " passed the filter articleType=" + type);
        }
        assertTrue(filtered.contains(id(17)), filtered.toString());

        browser.driver().navigate().back();
        assertEquals(found, browser.await("the search again", d -> browser.ids("product").equals(found) ? found : null));
        assertEquals(wanted, browser.oneByTestId("search-input").getAttribute("value"), "the search box follows the URL");
    }

    @Test
    void clickingACardOpensItsPageWithRecommendationsAndTheirPictures() {
        openGrid();
        browser.driver().findElement(By.cssSelector("[data-testid='product'][data-product-id='" + id(5) + "']")).click();
        assertEquals(name(5), awaitProductName());
        assertEquals("/product/" + id(5), browser.location());
        assertEquals(name(5) + " — fashionrec", browser.driver().getTitle());
        List<String> recommended = browser.awaitCards("recommendation");
        assertEquals(8, recommended.size(), recommended.toString());
        assertFalse(recommended.contains(id(5)), "the product itself is not recommended: " + recommended);
        awaitPicturesLoaded("recommendation");
        assertTrue((Boolean) browser.script("const img = document.querySelector(\"[data-testid='product-photo']\");"
                + " return img.complete && img.naturalWidth > 0"), "the big photo loaded");
        WebElement first = browser.byTestId("recommendation").get(0);
        assertTrue(first.getText().matches("(?s).*match \\d\\.\\d\\d.*"), "an overall score: " + first.getText());
        for (String modality : List.of("image", "text", "alignment")) {
            String value = first.findElement(By.cssSelector("[data-modality='" + modality + "'] .bar__value")).getText();
            assertTrue(value.matches("-?\\d\\.\\d\\d|n/a"), modality + " shows '" + value + "'");
        }
        assertEquals(List.of(id(5)), viewed(), "the visit is remembered");
        browser.script("arguments[0].scrollIntoView({block: 'end'})", browser.oneByTestId("recommendations"));
        browser.screenshot("product");
    }

    @Test
    void theBalanceSliderReordersTheRecommendationsAndSameNarrowsThem() {
        String id = id(3);
        openProduct(id);
        WebElement slider = browser.oneByTestId("balance-slider");
        slider.sendKeys(Keys.HOME);
        int oneEnd = sliderValue();
        List<String> atOneEnd = awaitStripFor(oneEnd);
        slider.sendKeys(Keys.END);
        int otherEnd = sliderValue();
        List<String> atOtherEnd = awaitStripFor(otherEnd);
        assertEquals(Set.of(0, 100), Set.of(oneEnd, otherEnd), "Home and End reach the two ends");
        assertNotEquals(atOneEnd, atOtherEnd, "only image vs only text ranks differently");
        String balance = browser.driver().findElement(By.id("balance-output")).getText();
        assertEquals(otherEnd == 100 ? "image 100% · text 0%" : "image 0% · text 100%", balance);

        browser.oneByTestId("same-articleType").click();
        String type = attribute(id, "articleType");
        List<String> same = browser.await("recommendations of the same article type", d -> {
            List<String> ids = browser.ids("recommendation");
            boolean all = "false".equals(browser.oneByTestId("recommendations").getAttribute("aria-busy"))
                    && ids.stream().allMatch(other -> type.equals(attribute(other, "articleType")));
            return all ? ids : null;
        });
        assertFalse(same.contains(id), same.toString());
    }

    @Test
    void uploadingAProductPhotoFindsThatProductFirst() {
        openGrid();
        browser.oneByTestId("photo-upload").sendKeys(shop.photo(7).toAbsolutePath().toString());
        List<String> results = browser.awaitCards("search-result");
        assertEquals(id(7), results.get(0), "its own photo is the closest: " + results);
        awaitPicturesLoaded("search-result");
        assertEquals("", browser.alertText());
    }

    @Test
    void visitedProductsBringRecommendationsForYouOnTheGrid() {
        openGrid();
        assertTrue(browser.byTestId("for-you").stream().noneMatch(WebElement::isDisplayed), "no history, no row");
        List<String> visits = List.of(id(10), id(20), id(30));
        for (String visit : visits) {
            openProduct(visit);
        }
        openProduct(id(10));
        assertEquals(List.of(id(20), id(30), id(10)), viewed(), "a revisit moves to the newest end, once");

        browser.driver().findElement(By.className("brand")).click();
        List<String> forYou = browser.awaitCards("for-you-item");
        assertTrue(forYou.stream().noneMatch(visits::contains), "visited products are excluded: " + forYou);
        List<String> visitedNames = visits.stream()
                .map(v -> "because you viewed " + shop.index().products().name(shop.index().products().ordinal(v))).toList();
        for (WebElement card : browser.byTestId("for-you-item")) {
            String note = card.findElement(By.className("card__note")).getText();
            assertTrue(visitedNames.stream().anyMatch(note::equals), "'" + note + "' names a visited product");
        }
        awaitPicturesLoaded("for-you-item");
        browser.screenshot("for-you", browser.oneByTestId("for-you"));

        browser.oneByTestId("clear-history").click();
        assertFalse(browser.oneByTestId("for-you").isDisplayed(), "forgotten");
        assertEquals(List.of(), viewed());
    }

    @Test
    void aProductUrlReloadsAsItselfAndBackReturnsToTheGrid() {
        openGrid();
        browser.driver().findElement(By.cssSelector("[data-testid='product'][data-product-id='" + id(8) + "']")).click();
        assertEquals(name(8), awaitProductName());
        browser.driver().navigate().refresh();
        assertEquals(name(8), awaitProductName(), "the shared URL shows the same product");
        browser.awaitCards("recommendation");
        browser.driver().navigate().back();
        List<String> grid = browser.awaitCards("product");
        assertEquals("/", browser.location());
        assertEquals(id(0), grid.get(0));
    }

    @Test
    void anUnknownProductShowsTheServersMessage() {
        browser.open("/product/no-such-product");
        String alert = browser.await("the error message", d -> browser.alertText().isEmpty() ? null : browser.alertText());
        assertTrue(alert.contains("no-such-product"), alert);
        assertEquals("alert", browser.oneByTestId("alert").getAttribute("role"));
        assertEquals(List.of(), viewed(), "an unknown product is not remembered");
    }

    @Test
    void theKeyboardReachesTheSliderAndMovesIt() {
        openProduct(id(4));
        Actions keys = new Actions(browser.driver());
        String focused = "";
        for (int i = 0; i < 60 && !focused.equals("balance-slider"); i++) {
            keys.sendKeys(Keys.TAB).perform();
            focused = String.valueOf(browser.script("return document.activeElement.dataset.testid ?? ''"));
        }
        assertEquals("balance-slider", focused, "Tab reaches the slider");
        assertNotEquals("none", browser.script("return getComputedStyle(document.activeElement).outlineStyle"),
                "the focused slider shows an outline");
        int before = sliderValue();
        keys.sendKeys(before > 0 ? Keys.DOWN : Keys.UP).perform();
        int after = sliderValue();
        assertNotEquals(before, after);
        awaitStripFor(after);
    }

    @Test
    void onAPhoneTheGridHasTwoColumnsAndTheStripScrollsSideways() {
        browser.emulatePhone();
        try {
            browser.open("/");
            browser.awaitCards("product");
            assertEquals(390L, browser.script("return window.innerWidth"));
            assertEquals(2L, browser.script("return new Set([...document.querySelectorAll(\"[data-testid='product']\")]"
                    + ".slice(0, 6).map((card) => card.getBoundingClientRect().left)).size"), "two columns");
            assertTrue((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "nothing sticks out sideways on the grid");
            openProduct(id(6));
            assertTrue((Boolean) browser.script("const strip = document.querySelector(\"[data-testid='recommendations']\");"
                    + " return strip.scrollWidth > strip.clientWidth && getComputedStyle(strip).overflowX === 'auto'"),
                    "the strip scrolls sideways");
            assertTrue((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "nothing sticks out sideways on the product page");
            browser.await("the product photo", d -> (Boolean) browser.script(
                    "return document.querySelector(\"[data-testid='product-photo']\").naturalWidth > 0"));
            browser.script("document.getElementById('similar-heading').closest('section').scrollIntoView({block: 'start'})");
            browser.screenshot("product-phone");
        } finally {
            browser.stopPhone();
        }
    }
}
