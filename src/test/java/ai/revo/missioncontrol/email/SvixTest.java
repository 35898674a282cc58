package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.platform.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Svix's signature scheme (what Resend signs with), against the example in Svix's own documentation. */
class SvixTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theDocumentedExampleMatchesAndAnyChangeDoesNot() {
        assertThat(Svix.sign(Svix.key(SECRET), ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(Svix.matches(SECRET, ID, TIMESTAMP, "v1," + SIGNATURE, BODY)).isTrue();
        // several signatures (a rotation): one matching is enough; other versions are not v1
        assertThat(Svix.matches(SECRET, ID, TIMESTAMP, "v1,bm9wZQ== v1," + SIGNATURE + " v2,xyz", BODY))
                .isTrue();
        assertThat(Svix.matches(SECRET, ID, TIMESTAMP, "v2," + SIGNATURE, BODY)).isFalse();
        assertThat(Svix.matches(SECRET, ID, TIMESTAMP, "v1," + SIGNATURE, "{\"test\": 2432232315}".getBytes()))
                .isFalse();
        assertThat(Svix.matches(SECRET, ID + "x", TIMESTAMP, "v1," + SIGNATURE, BODY))
                .isFalse();
        assertThat(Svix.matches(SECRET, ID, "1614265331", "v1," + SIGNATURE, BODY))
                .isFalse();
        assertThat(Svix.matches("whsec_bm90IHRoZSBzZWNyZXQ=", ID, TIMESTAMP, "v1," + SIGNATURE, BODY))
                .isFalse();
        assertThat(Svix.matches("not-a-whsec", ID, TIMESTAMP, "v1," + SIGNATURE, BODY))
                .isFalse();
    }

    @Test
    void missingOrStaleHeadersAre401() {
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));
        Svix.checkHeaders(ID, TIMESTAMP, "v1,x", signedAt.plusSeconds(299));
        Svix.checkHeaders(ID, TIMESTAMP, "v1,x", signedAt.minusSeconds(299));
        for (Instant now : new Instant[] {signedAt.plusSeconds(301), signedAt.minusSeconds(301)}) {
            assertThatThrownBy(() -> Svix.checkHeaders(ID, TIMESTAMP, "v1,x", now))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("5 minutes");
        }
        assertThatThrownBy(() -> Svix.checkHeaders(null, TIMESTAMP, "v1,x", signedAt))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Svix.checkHeaders(ID, "soon", "v1,x", signedAt))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Svix.checkHeaders(ID, TIMESTAMP, " ", signedAt))
                .isInstanceOf(ApiException.class);
    }
}
