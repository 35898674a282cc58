package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveStreamTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private String streamUrl(String query) {
        return "http://127.0.0.1:" + port + "/api/v1/events/stream" + query;
    }

    private static void toggle(Api api, Api.Session admin, boolean on) {
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("SMS", on)))
                .expect(200);
    }

    @Test
    void deliversCommittedEventsLiveWithSeqAsId() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        try (SseClient sse = new SseClient(streamUrl(""), admin.accessToken(), Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            Thread.sleep(200);
            toggle(api, admin, true);
            SseClient.Event e = sse.next(WAIT);
            assertThat(e).isNotNull();
            assertThat(e.data().path("type").asText()).isEqualTo("safety.channel_toggled");
            assertThat(e.id()).isEqualTo(e.data().path("seq").asText());
        }
    }

    @Test
    void resumesWithLastEventIdWithoutGapOrDuplicate() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        for (int i = 0; i < 4; i++) {
            toggle(api, admin, i % 2 == 0);
        }
        List<Long> seqs = api
                .get("/api/v1/events/feed?type=safety.&order=asc", admin.accessToken())
                .json()
                .findValues("seq")
                .stream()
                .map(n -> n.asLong())
                .toList();
        assertThat(seqs).hasSize(4);
        try (SseClient sse = new SseClient(
                streamUrl("?type=safety."), admin.accessToken(), Map.of("Last-Event-ID", Long.toString(seqs.get(1))))) {
            List<SseClient.Event> replayed = sse.take(2, WAIT);
            assertThat(replayed)
                    .extracting(SseClient.Event::id)
                    .containsExactly(seqs.get(2).toString(), seqs.get(3).toString());
            toggle(api, admin, true);
            SseClient.Event live = sse.next(WAIT);
            assertThat(Long.parseLong(live.id())).isGreaterThan(seqs.get(3));
            // a later event arrives next: nothing was sent twice in between
            toggle(api, admin, false);
            SseClient.Event later = sse.next(WAIT);
            assertThat(Long.parseLong(later.id())).isGreaterThan(Long.parseLong(live.id()));
        }
    }

    @Test
    void appliesTheFeedFiltersToTheStream() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        try (SseClient sse = new SseClient(streamUrl("?type=suppression."), admin.accessToken(), Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            Thread.sleep(200);
            toggle(api, admin, true);
            api.post(
                            "/api/v1/suppressions",
                            admin.accessToken(),
                            Map.of("channel", "EMAIL", "address", "a@example.com"))
                    .expect(201);
            SseClient.Event e = sse.next(WAIT);
            assertThat(e.data().path("type").asText()).isEqualTo("suppression.added");
        }
    }

    @Test
    void otherWorkspacesEventsNeverArrive() throws Exception {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        try (SseClient sse = new SseClient(streamUrl("?type=safety."), a.accessToken(), Map.of("Last-Event-ID", "0"))) {
            assertThat(sse.status()).isEqualTo(200);
            Thread.sleep(200);
            toggle(api, b, true);
            // the stream's own workspace's later event is the sign that B's would have arrived by now
            toggle(api, a, true);
            SseClient.Event next = sse.next(WAIT);
            assertThat(next).isNotNull();
            assertThat(next.id())
                    .isEqualTo(api.get("/api/v1/events/feed?type=safety.&order=asc", a.accessToken())
                            .json()
                            .findValues("seq")
                            .get(0)
                            .asText());
        }
    }

    @Test
    void sendsKeepAliveComments() throws Exception {
        Api.Session admin = api().signup();
        try (SseClient sse = new SseClient(streamUrl(""), admin.accessToken(), Map.of())) {
            assertThat(sse.nextComment(WAIT)).isEqualTo("connected");
            assertThat(sse.nextComment(WAIT)).isEqualTo("keep-alive");
        }
    }

    @Test
    void aDeactivatedUsersStreamIsClosedAtTheNextKeepAlive() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        try (SseClient sse = new SseClient(streamUrl(""), operator.accessToken(), Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.endsWithin(Duration.ofMillis(1500)))
                    .as("still open while allowed")
                    .isFalse();
            api.patch("/api/v1/users/" + operator.userId(), admin.accessToken(), Map.of("active", false))
                    .expect(200);
            assertThat(sse.endsWithin(WAIT)).as("closed after deactivation").isTrue();
        }
    }

    @Test
    void malformedLastEventIdIs400() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Response r = api.send(
                "GET",
                "/api/v1/events/stream",
                admin.accessToken(),
                null,
                Map.of("Last-Event-ID", "yesterday", "Accept", "text/event-stream, application/json"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Last-Event-ID");
    }

    @Test
    void streamNeedsAToken() {
        api().send("GET", "/api/v1/events/stream", null, null, Map.of()).expectError(401, "UNAUTHORIZED");
    }
}
