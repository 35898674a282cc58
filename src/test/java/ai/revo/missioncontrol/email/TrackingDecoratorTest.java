package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TrackingDecoratorTest extends IntegrationTest {

    @Autowired
    List<EmailDecorator> decorators;

    @Autowired
    TrackingTokens tokens;

    private static final String HTML =
            "<html><body><p>Hi, see <a href=\"https://revo.example/pricing?a=1&amp;b=2\">pricing</a>"
                    + " or <a href='mailto:sales@revo.example'>write</a> or <a href=\"#top\">top</a>.</p></body></html>";

    private static EmailView view(UUID id, UUID campaign) {
        return new EmailView(
                id,
                null,
                "APPROVAL",
                campaign,
                null,
                null,
                "sales@revo.example",
                "p@example.com",
                "Hello",
                EmailStatus.PENDING_SEND,
                null,
                "<" + id + "@x>",
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                Instant.now(),
                Instant.now());
    }

    private EmailDecorator.Decorated decorate(TenantId tenant, EmailView email) {
        // the tracking decorator among the others (sender identity, threading), tested on its own
        List<EmailDecorator> tracking =
                decorators.stream().filter(TrackingDecorator.class::isInstance).toList();
        assertThat(tracking).hasSize(1);
        return TenantContext.callAs(tenant.value(), () -> tracking.get(0).decorate(tenant, email, HTML, "Hi there"));
    }

    @Test
    void campaignEmailGetsUnsubscribeHeadersPixelAndRewrittenLinksDeterministically() {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId tenant = TenantId.of(admin.tenantId());
        UUID campaign = UUID.fromString(TrackingFixture.campaign(api, admin));
        EmailView email = view(UUID.randomUUID(), campaign);

        EmailDecorator.Decorated out = decorate(tenant, email);

        String listUnsubscribe = out.headers().get("List-Unsubscribe");
        assertThat(listUnsubscribe).matches("<http://localhost:8080/unsubscribe\\?t=[^>]+>");
        assertThat(out.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String unsubscribe = listUnsubscribe.substring(1, listUnsubscribe.indexOf('>'));
        String token = unsubscribe.substring(unsubscribe.indexOf("t=") + 2);
        assertThat(tokens.read(token, TrackingToken.Purpose.UNSUBSCRIBE))
                .get()
                .extracting(TrackingToken::emailId)
                .isEqualTo(email.id());

        // the pricing link goes through a signed redirect to exactly the original URL; mailto and anchors stay
        Matcher click = Pattern.compile("href=\"http://localhost:8080/api/v1/webhooks/email/click\\?t=([^\"]+)\"")
                .matcher(out.html());
        assertThat(click.find()).isTrue();
        assertThat(tokens.read(click.group(1), TrackingToken.Purpose.CLICK))
                .get()
                .extracting(TrackingToken::url)
                .isEqualTo("https://revo.example/pricing?a=1&b=2");
        assertThat(click.find()).isFalse();
        assertThat(out.html())
                .contains("href='mailto:sales@revo.example'")
                .contains("href=\"#top\"")
                .doesNotContain("https://revo.example/pricing");
        // the visible unsubscribe link is ours, not rewritten; the pixel sits before </body>
        assertThat(out.html()).contains("<a href=\"" + unsubscribe + "\">Unsubscribe</a>");
        assertThat(out.html())
                .containsPattern(
                        "<img src=\"http://localhost:8080/api/v1/webhooks/email/open-pixel\\?t=[^\"]+\" width=\"1\" height=\"1\"[^>]*></body>");
        assertThat(out.text()).startsWith("Hi there").contains("Unsubscribe: " + unsubscribe);

        EmailDecorator.Decorated again = decorate(tenant, email);
        assertThat(again.html()).isEqualTo(out.html());
        assertThat(again.text()).isEqualTo(out.text());
        assertThat(again.headers()).isEqualTo(out.headers());
    }

    @Test
    void campaignWithTrackingOffKeepsLinksAndHasNoPixelButStillTheUnsubscribe() {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId tenant = TenantId.of(admin.tenantId());
        String campaign = TrackingFixture.campaign(api, admin);
        api.put(
                        "/api/v1/campaigns/" + campaign + "/tracking",
                        admin.accessToken(),
                        Map.of("trackOpens", false, "trackLinks", false))
                .expect(200);

        EmailDecorator.Decorated out = decorate(tenant, view(UUID.randomUUID(), UUID.fromString(campaign)));
        assertThat(out.html())
                .contains("href=\"https://revo.example/pricing?a=1&amp;b=2\"")
                .doesNotContain("/click?t=")
                .doesNotContain("open-pixel")
                .contains(">Unsubscribe</a>");
        assertThat(out.headers()).containsKeys("List-Unsubscribe", "List-Unsubscribe-Post");
    }

    @Test
    void oneOffEmailWithoutCampaignIsTrackedButHasNoUnsubscribe() {
        Api api = api();
        Api.Session admin = api.signup();
        EmailDecorator.Decorated out = decorate(TenantId.of(admin.tenantId()), view(UUID.randomUUID(), null));
        assertThat(out.headers()).isEmpty();
        assertThat(out.html()).contains("/click?t=").contains("open-pixel").doesNotContain("Unsubscribe");
        assertThat(out.text()).isEqualTo("Hi there");
    }
}
