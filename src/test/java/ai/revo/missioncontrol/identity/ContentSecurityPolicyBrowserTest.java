package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The enforced Content-Security-Policy (scripts from this origin only, no inline scripts, handlers or eval) breaks
 * no page: an admin walks every page of the sidebar and of the settings, a campaign's edit page and the composer, the
 * API docs and the sign-in page, and no page reports a violation. Interactions are covered too: every browser test
 * fails on a violation its pages report ({@link BrowserTest#watchPolicy}).
 */
class ContentSecurityPolicyBrowserTest extends BrowserTest {

    @Test
    void noPageReportsAPolicyViolation() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Policy walk"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Page page = signIn(admin.email(), admin.password());
        // the watch itself: an inline script added to a page is blocked, and the violation is recorded
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.mcInline = 1';"
                + " document.body.appendChild(s); }");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(policyViolations).isNotEmpty());
        assertThat(page.evaluate("() => window.mcInline === undefined")).isEqualTo(true);
        policyViolations.clear();
        Set<String> paths = new LinkedHashSet<>(links(page, "[data-testid=main-nav] a[href^='/']"));
        page.navigate(baseUrl() + "/settings");
        paths.addAll(links(page, "main a[href^='/settings']"));
        paths.add("/campaigns/" + campaign);
        paths.add("/swagger-ui.html");
        assertThat(paths).as("pages to walk").hasSizeGreaterThan(10);
        List<String> walked = new ArrayList<>();
        for (String path : paths) {
            page.navigate(baseUrl() + path);
            page.waitForLoadState(LoadState.LOAD);
            walked.add(path + " " + page.title());
        }
        page.navigate(baseUrl() + "/swagger-ui.html");
        // the API docs render once the OpenAPI document is built (slow on a loaded machine the first time)
        page.locator(".swagger-ui .opblock-tag")
                .first()
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(120_000));
        page.context().clearCookies();
        page.navigate(baseUrl() + "/login");
        page.getByTestId("sign-in").waitFor();
        assertThat(policyViolations).as("violations while walking " + walked).isEmpty();
    }

    private static List<String> links(Page page, String selector) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.locator(selector)
                .evaluateAll("els => els.map(e => e.getAttribute('href').split('#')[0].split('?')[0])");
        return hrefs.stream()
                .filter(h -> !h.isBlank() && !h.startsWith("/logout"))
                .toList();
    }
}
