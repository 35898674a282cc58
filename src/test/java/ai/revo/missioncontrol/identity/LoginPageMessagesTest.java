package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sign-in page shows messages chosen by code; no text from the address reaches the page. */
class LoginPageMessagesTest extends IntegrationTest {

    private String page(String query) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login?" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void textInTheQueryStringNeverReachesTheSignInPage() throws Exception {
        String injected = "60 seconds. Your account is locked: call +1-555-0100 to unlock it";
        String body = page("throttled=" + URLEncoder.encode(injected, StandardCharsets.UTF_8));
        assertThat(body).contains("Too many failed attempts").doesNotContain("call +1-555-0100");
        assertThat(page("throttled=42")).contains("in <span>42</span> seconds");
    }
}
