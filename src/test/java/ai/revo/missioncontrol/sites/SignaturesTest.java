package ai.revo.missioncontrol.sites;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature matrix on raw bodies: each scheme accepts its valid form and refuses every broken one. */
class SignaturesTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    static final String BODY = SitePayloads.typeform("01HX", "Ada", "ada@example.com", "+64211234567", "Rewiring");
    static final byte[] RAW = BODY.getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsStandardWebhooksSignatureAmongSeveral() {
        String secret = Signatures.newSecret(SiteAuth.STANDARD_WEBHOOKS);
        String other = Signatures.newSecret(SiteAuth.STANDARD_WEBHOOKS);
        long ts = NOW.getEpochSecond();
        String header = SitePayloads.standardSignature(other, "msg_1", ts, BODY) + " "
                + SitePayloads.standardSignature(secret, "msg_1", ts, BODY);
        assertThatCode(() -> Signatures.verify(
                        SiteAuth.STANDARD_WEBHOOKS,
                        Map.of("webhook-id", "msg_1", "webhook-timestamp", "" + ts, "webhook-signature", header),
                        RAW,
                        List.of(secret),
                        NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesStandardWebhooksWithTamperedBodyStaleTimestampOrOtherId() {
        String secret = Signatures.newSecret(SiteAuth.STANDARD_WEBHOOKS);
        long ts = NOW.getEpochSecond();
        String sig = SitePayloads.standardSignature(secret, "msg_1", ts, BODY);
        Map<String, String> ok = Map.of("webhook-id", "msg_1", "webhook-timestamp", "" + ts, "webhook-signature", sig);
        byte[] tampered = BODY.replace("Ada", "Eve").getBytes(StandardCharsets.UTF_8);
        refused(SiteAuth.STANDARD_WEBHOOKS, ok, tampered, secret, "does not match");
        refused(
                SiteAuth.STANDARD_WEBHOOKS,
                Map.of("webhook-id", "msg_2", "webhook-timestamp", "" + ts, "webhook-signature", sig),
                RAW,
                secret,
                "does not match");
        long stale = ts - 301;
        refused(
                SiteAuth.STANDARD_WEBHOOKS,
                Map.of(
                        "webhook-id",
                        "msg_1",
                        "webhook-timestamp",
                        "" + stale,
                        "webhook-signature",
                        SitePayloads.standardSignature(secret, "msg_1", stale, BODY)),
                RAW,
                secret,
                "more than 5 minutes");
        long future = ts + 301;
        refused(
                SiteAuth.STANDARD_WEBHOOKS,
                Map.of(
                        "webhook-id",
                        "msg_1",
                        "webhook-timestamp",
                        "" + future,
                        "webhook-signature",
                        SitePayloads.standardSignature(secret, "msg_1", future, BODY)),
                RAW,
                secret,
                "more than 5 minutes");
        refused(
                SiteAuth.STANDARD_WEBHOOKS,
                Map.of("webhook-timestamp", "" + ts, "webhook-signature", sig),
                RAW,
                secret,
                "webhook-id header is missing");
        refused(
                SiteAuth.STANDARD_WEBHOOKS,
                Map.of(
                        "webhook-id",
                        "msg_1",
                        "webhook-timestamp",
                        "" + ts,
                        "webhook-signature",
                        sig.replace("v1,", "v2,")),
                RAW,
                secret,
                "does not match");
        refused(
                SiteAuth.STANDARD_WEBHOOKS,
                ok,
                RAW,
                Signatures.newSecret(SiteAuth.STANDARD_WEBHOOKS),
                "does not match");
    }

    @Test
    void acceptsEitherSecretDuringRotation() {
        String old = Signatures.newSecret(SiteAuth.STANDARD_WEBHOOKS);
        String fresh = Signatures.newSecret(SiteAuth.STANDARD_WEBHOOKS);
        long ts = NOW.getEpochSecond();
        for (String signer : List.of(old, fresh)) {
            assertThatCode(() -> Signatures.verify(
                            SiteAuth.STANDARD_WEBHOOKS,
                            Map.of(
                                    "webhook-id",
                                    "m",
                                    "webhook-timestamp",
                                    "" + ts,
                                    "webhook-signature",
                                    SitePayloads.standardSignature(signer, "m", ts, BODY)),
                            RAW,
                            List.of(fresh, old),
                            NOW))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void checksTheSharedSecretHeader() {
        String secret = Signatures.newSecret(SiteAuth.SHARED_SECRET);
        assertThatCode(() -> Signatures.verify(
                        SiteAuth.SHARED_SECRET, Map.of("x-webhook-secret", secret), RAW, List.of(secret), NOW))
                .doesNotThrowAnyException();
        refused(SiteAuth.SHARED_SECRET, Map.of("x-webhook-secret", secret + "x"), RAW, secret, "does not match");
        refused(SiteAuth.SHARED_SECRET, Map.of(), RAW, secret, "x-webhook-secret header is missing");
    }

    @Test
    void checksTypeformSignatureOverTheRawBody() {
        String secret = "typeform-secret-0123456789";
        String sig = SitePayloads.typeformSignature(secret, BODY);
        assertThatCode(() -> Signatures.verify(
                        SiteAuth.TYPEFORM, Map.of("typeform-signature", sig), RAW, List.of(secret), NOW))
                .doesNotThrowAnyException();
        // the same JSON re-serialised (one space more) is another body: refused
        refused(
                SiteAuth.TYPEFORM,
                Map.of("typeform-signature", sig),
                (BODY + " ").getBytes(StandardCharsets.UTF_8),
                secret,
                "does not match");
        refused(SiteAuth.TYPEFORM, Map.of("typeform-signature", sig.substring(7)), RAW, secret, "sha256=");
        refused(SiteAuth.TYPEFORM, Map.of(), RAW, secret, "typeform-signature header is missing");
    }

    @Test
    void checksWebflowSignatureOverTimestampAndBody() {
        String secret = "webflow-client-secret-0123456789";
        String body = SitePayloads.webflow(
                "6321ca84df3949bfc6752327", "Zaphod", "Beeblebrox", "z@example.com", 64211234567L, "Hi");
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        long ms = NOW.toEpochMilli();
        Map<String, String> ok = Map.of(
                "x-webflow-timestamp", "" + ms, "x-webflow-signature", SitePayloads.webflowSignature(secret, ms, body));
        assertThatCode(() -> Signatures.verify(SiteAuth.WEBFLOW, ok, raw, List.of(secret), NOW))
                .doesNotThrowAnyException();
        refused(
                SiteAuth.WEBFLOW,
                Map.of("x-webflow-timestamp", "" + (ms + 1), "x-webflow-signature", ok.get("x-webflow-signature")),
                raw,
                secret,
                "does not match");
        long stale = ms - 301_000;
        refused(
                SiteAuth.WEBFLOW,
                Map.of(
                        "x-webflow-timestamp",
                        "" + stale,
                        "x-webflow-signature",
                        SitePayloads.webflowSignature(secret, stale, body)),
                raw,
                secret,
                "more than 5 minutes");
        refused(SiteAuth.WEBFLOW, Map.of("x-webflow-timestamp", "" + ms), raw, secret, "x-webflow-signature header");
    }

    private static void refused(SiteAuth auth, Map<String, String> headers, byte[] body, String secret, String why) {
        assertThatThrownBy(() -> Signatures.verify(auth, headers, body, List.of(secret), NOW))
                .isInstanceOf(Signatures.Refused.class)
                .hasMessageContaining(why);
    }
}
