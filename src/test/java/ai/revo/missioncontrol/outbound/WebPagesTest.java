package ai.revo.missioncontrol.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.outbound.WebPageRefused.Reason;
import ai.revo.missioncontrol.platform.ErrorCode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The URL guard. Refusals of addresses run with the guard as shipped (private hosts not allowed); the rest run
 * against WireMock on 127.0.0.1 with a fetcher that accepts exactly that one address, so a redirect anywhere else
 * (127.0.0.2 included) shows that every redirect is checked again.
 */
class WebPagesTest {

    static WireMockServer site;
    static String base;

    /** As shipped: MC_KNOWLEDGE_ALLOW_PRIVATE_HOSTS off. */
    final WebPages guard = new WebPages(false);
    /** Accepts 127.0.0.1 only. */
    final WebPages local = new WebPages(a -> a.getHostAddress().equals("127.0.0.1"));

    @BeforeAll
    static void start() {
        site = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        site.start();
        base = "http://127.0.0.1:" + site.port();
    }

    @AfterAll
    static void stop() {
        site.stop();
    }

    @BeforeEach
    void reset() {
        site.resetAll();
        site.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
    }

    private static Reason refusal(WebPages pages, String url) {
        try {
            pages.fetch(url);
        } catch (WebPageRefused refused) {
            assertThat(refused.status().is4xxClientError()).isTrue();
            assertThat(refused.getMessage()).contains(refused.reason().message());
            assertThat(refused.details())
                    .containsEntry("reason", refused.reason().name());
            return refused.reason();
        }
        throw new AssertionError("fetched " + url);
    }

    @Test
    void refusesSchemesOtherThanHttpAndHttps() {
        assertThat(refusal(guard, "ftp://example.com/file.txt")).isEqualTo(Reason.SCHEME_NOT_ALLOWED);
        assertThat(refusal(guard, "file:///etc/passwd")).isEqualTo(Reason.SCHEME_NOT_ALLOWED);
        assertThat(refusal(guard, "gopher://127.0.0.1:6379/_INFO")).isEqualTo(Reason.SCHEME_NOT_ALLOWED);
        assertThat(refusal(guard, "not a url")).isIn(Reason.INVALID_URL, Reason.SCHEME_NOT_ALLOWED);
        assertThatThrownBy(() -> guard.fetch("javascript:alert(1)"))
                .isInstanceOfSatisfying(
                        WebPageRefused.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }

    @Test
    void refusesThisMachinePrivateLinkLocalAndMulticastAddressesBeforeConnecting() {
        site.stubFor(get(urlEqualTo("/secret")).willReturn(aResponse().withBody("secret")));
        for (String url : new String[] {
            base + "/secret",
            "http://localhost:" + site.port() + "/secret",
            "http://[::1]:" + site.port() + "/secret",
            "http://[::ffff:127.0.0.1]:" + site.port() + "/secret",
            "http://[::ffff:8.8.8.8]/",
            "http://[::ffff:0a00:0001]/",
            "http://0.0.0.0:" + site.port() + "/secret",
            "http://10.1.2.3/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://224.0.0.1/",
            "http://[fc00::1]/",
            "http://[fe80::1]/",
            "http://2130706433/" // 127.0.0.1 as one decimal number
        }) {
            assertThat(refusal(guard, url)).as(url).isEqualTo(Reason.ADDRESS_NOT_ALLOWED);
        }
        site.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void classifiesAddresses() throws Exception {
        assertThat(WebPages.isPublic(InetAddress.getByName("93.184.215.14"))).isTrue();
        assertThat(WebPages.isPublic(InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c")))
                .isTrue();
        for (String a : new String[] {
            "127.0.0.1",
            "10.0.0.1",
            "172.31.255.255",
            "192.168.0.1",
            "169.254.1.1",
            "100.127.0.1",
            "0.0.0.0",
            "224.0.0.251",
            "255.255.255.255",
            "::1",
            "::",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::8.8.8.8",
            "64:ff9b::8.8.8.8"
        }) {
            InetAddress address = InetAddress.getByName(a);
            assertThat(WebPages.isPublic(address)).as(a).isFalse();
        }
    }

    @Test
    void fetchesAnHtmlPageAndSaysWhereItEnded() {
        site.stubFor(
                get(urlEqualTo("/old")).willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        site.stubFor(get(urlEqualTo("/new"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><head><title>New</title></head><body><p>Hello</p></body></html>")));
        WebPage page = local.fetch(base + "/old");
        assertThat(page.isHtml()).isTrue();
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(page.finalUrl().getPath()).isEqualTo("/new");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Hello");
        site.verify(getRequestedFor(urlEqualTo("/new"))
                .withHeader(
                        "User-Agent",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("RevoMissionControl")));
    }

    @Test
    void checksEveryRedirectAgain() {
        site.stubFor(get(urlEqualTo("/to-private"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "http://10.0.0.7/admin")));
        site.stubFor(get(urlEqualTo("/to-other-loopback"))
                .willReturn(aResponse()
                        .withStatus(307)
                        .withHeader("Location", "http://127.0.0.2:" + site.port() + "/secret")));
        site.stubFor(get(urlEqualTo("/to-file"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "file:///etc/passwd")));
        assertThat(refusal(local, base + "/to-private")).isEqualTo(Reason.ADDRESS_NOT_ALLOWED);
        assertThat(refusal(local, base + "/to-other-loopback")).isEqualTo(Reason.ADDRESS_NOT_ALLOWED);
        assertThat(refusal(local, base + "/to-file")).isEqualTo(Reason.BAD_REDIRECT);
    }

    @Test
    void followsAtMostFiveRedirects() {
        for (int i = 0; i < 6; i++) {
            site.stubFor(get(urlEqualTo("/r" + i))
                    .willReturn(aResponse().withStatus(302).withHeader("Location", "/r" + (i + 1))));
        }
        site.stubFor(get(urlEqualTo("/r6"))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("end")));
        site.stubFor(
                get(urlEqualTo("/r1-ok")).willReturn(aResponse().withStatus(302).withHeader("Location", "/r2")));
        assertThat(refusal(local, base + "/r0")).isEqualTo(Reason.TOO_MANY_REDIRECTS);
        // five redirects are followed
        assertThat(new String(local.fetch(base + "/r1").body(), StandardCharsets.UTF_8))
                .isEqualTo("end");
    }

    @Test
    void honoursRobotsTxtForOurUserAgent() {
        site.stubFor(
                get(urlEqualTo("/robots.txt"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/plain")
                                        .withBody(
                                                "User-agent: RevoMissionControl\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n")));
        site.stubFor(get(urlEqualTo("/private/page"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>no</p>")));
        site.stubFor(get(urlEqualTo("/public/page"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>yes</p>")));
        assertThat(refusal(local, base + "/private/page")).isEqualTo(Reason.ROBOTS_DISALLOWED);
        site.verify(0, getRequestedFor(urlEqualTo("/private/page")));
        // our group allows /public/ even though everyone else is disallowed everything
        assertThat(local.fetch(base + "/public/page").body()).isNotEmpty();
    }

    @Test
    void refusesContentTypesOtherThanHtmlOrText() {
        site.stubFor(get(urlEqualTo("/logo.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(new byte[] {1, 2, 3})));
        site.stubFor(get(urlEqualTo("/none")).willReturn(aResponse().withBody("?")));
        site.stubFor(get(urlEqualTo("/pdf"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withBody("%PDF-1.7")));
        assertThat(refusal(local, base + "/logo.png")).isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED);
        assertThat(refusal(local, base + "/none")).isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED);
        assertThat(refusal(local, base + "/pdf")).isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED);
    }

    @Test
    void refusesPagesOverTenMegabytesAnnouncedOrNot() {
        byte[] big = new byte[WebPages.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        site.stubFor(get(urlEqualTo("/big"))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(big)));
        site.stubFor(get(urlEqualTo("/chunked"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/plain")
                        .withHeader("Transfer-Encoding", "chunked")
                        .withBody(big)));
        assertThat(refusal(local, base + "/big")).isEqualTo(Reason.TOO_LARGE);
        assertThat(refusal(local, base + "/chunked")).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void refusesErrorsAndAnswersSlowerThanTenSeconds() {
        site.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)));
        site.stubFor(get(urlEqualTo("/slow"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/plain")
                        .withBody("late")
                        .withFixedDelay(11_000)));
        assertThat(refusal(local, base + "/gone")).isEqualTo(Reason.HTTP_ERROR);
        long start = System.nanoTime();
        assertThat(refusal(local, base + "/slow")).isEqualTo(Reason.TIMEOUT);
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(9_000L, 10_900L);
    }
}
