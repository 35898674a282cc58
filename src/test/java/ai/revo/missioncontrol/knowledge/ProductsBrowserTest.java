package ai.revo.missioncontrol.knowledge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductsBrowserTest extends BrowserTest {

    private Locator card(Page page, String name) {
        return page.locator("[data-testid=product-grid] [data-name='" + name + "']");
    }

    @Test
    void aPersonAddsAProductWithAPictureFindsItByMeaningEditsAndRemovesIt() {
        Api.Session admin = api().signup();
        Page page = signIn(admin.email(), admin.password());
        page.getByTestId("main-nav")
                .getByText("Products", new Locator.GetByTextOptions().setExact(true))
                .click();
        page.waitForURL(url -> url.endsWith("/products"));
        assertThat(page.getByTestId("products-empty")).isVisible();

        page.getByTestId("product-new").click();
        assertThat(page.getByTestId("product-dialog")).isVisible();
        page.locator("#product-name").fill("Steel diver watch");
        page.locator("#product-description").fill("Water resistant to 200 metres, automatic movement");
        page.locator("#product-price").fill("650");
        page.locator("#product-currency").fill("EUR");
        page.locator("#product-sku").fill("W-3");
        // a text file renamed to .png is refused inside the dialog, and nothing is added
        page.locator("#product-file")
                .setInputFiles(
                        new FilePayload("watch.png", "image/png", "just some text".getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("product-save").click();
        assertThat(page.getByTestId("product-error")).containsText("JPEG, PNG or WebP");
        page.locator("#product-file")
                .setInputFiles(
                        new FilePayload("watch.png", "image/png", ProductImageApiTest.picture("png", Color.DARK_GRAY)));
        page.getByTestId("product-save").click();
        assertThat(page.getByTestId("product-dialog")).not().isVisible();
        Locator watch = card(page, "Steel diver watch");
        assertThat(watch.getByTestId("product-price")).hasText("650.00 EUR");
        assertThat(watch.getByTestId("product-image")).isVisible();
        assertThat(watch.getByTestId("product-image"))
                .hasJSProperty("naturalWidth", 40); // the picture was served and decoded

        api().post(
                        "/api/v1/products",
                        admin.accessToken(),
                        Map.of("name", "Pearl earrings", "description", "Freshwater pearls on silver studs"))
                .expect(201);
        page.reload();
        assertThat(page.locator("[data-testid=product-grid] [data-name]")).hasCount(2);
        assertThat(card(page, "Pearl earrings").getByTestId("product-no-image")).isVisible();

        page.locator("#product-q").fill("timepiece for scuba diving");
        page.getByTestId("product-search-submit").click();
        assertThat(page.getByTestId("product-search-summary")).containsText("closest in meaning");
        assertThat(page.locator("[data-testid=product-grid] [data-name]").first())
                .hasAttribute("data-name", "Steel diver watch");
        assertThat(card(page, "Steel diver watch").getByTestId("product-score")).isVisible();
        for (int width : new int[] {390, 1440}) {
            page.setViewportSize(width, 900);
            screenshot(page, "products-search-" + width);
        }
        page.setViewportSize(1280, 800);
        page.getByTestId("product-search-clear").click();
        assertThat(page.locator("[data-testid=product-grid] [data-name]")).hasCount(2);

        card(page, "Pearl earrings").getByTestId("product-edit").click();
        assertThat(page.locator("#product-name")).hasValue("Pearl earrings");
        page.locator("#product-price").fill("89.50");
        page.locator("#product-currency").fill("eur");
        page.locator("#product-availability").selectOption("PREORDER");
        page.getByTestId("product-save").click();
        assertThat(page.getByTestId("product-dialog")).not().isVisible();
        assertThat(card(page, "Pearl earrings").getByTestId("product-price")).hasText("89.50 EUR");
        assertThat(card(page, "Pearl earrings").getByTestId("product-availability"))
                .hasText("preorder");

        page.setViewportSize(390, 844);
        screenshot(page, "products-grid-390");
        page.setViewportSize(1280, 800);

        card(page, "Steel diver watch").getByTestId("product-delete").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("[data-testid=product-grid] [data-name]")).hasCount(1);
        card(page, "Pearl earrings").getByTestId("product-delete").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("products-empty")).isVisible();
    }

    @Test
    void aViewerSeesTheCatalogueButNoWayToChangeIt() {
        Api.Session admin = api().signup();
        api().post("/api/v1/products", admin.accessToken(), Map.of("name", "Opal ring"))
                .expect(201);
        Api.Session viewer = api().addUser(admin, "VIEWER");
        Page page = signIn(viewer.email(), viewer.password());
        page.navigate(baseUrl() + "/products");
        assertThat(card(page, "Opal ring")).isVisible();
        assertThat(page.getByTestId("product-new")).hasCount(0);
        assertThat(page.getByTestId("product-edit")).hasCount(0);
        assertThat(page.getByTestId("product-delete")).hasCount(0);
    }
}
