package ai.revo.missioncontrol.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyChange;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboundGatewayTest extends IntegrationTest {

    @Autowired
    OutboundGateway gateway;

    @Autowired
    SafetyManagement safety;

    private static final Actor OPERATOR = Actor.user(UUID.randomUUID(), "operator@example.com");

    private static OutboundMessage email(String to, String key) {
        return new OutboundMessage(
                Channel.EMAIL, to, "Hello", "Hi there, this is a test.", null, null, null, key, OPERATOR);
    }

    private TenantId workspace() {
        return TenantId.of(api().signup().tenantId());
    }

    private void set(TenantId tenant, Boolean dryRun, Boolean pause, Map<Channel, Boolean> channels) {
        safety.change(
                tenant, new SafetyChange(Optional.ofNullable(dryRun), Optional.ofNullable(pause), channels), OPERATOR);
    }

    @Test
    void decidesInTheDocumentedOrder() {
        TenantId t = workspace();
        RecordingAdapters.configure(t);
        // everything at once: pause wins
        set(t, true, true, Map.of(Channel.EMAIL, false));
        safety.suppress(t, Channel.EMAIL, "blocked@example.com", "MANUAL", null, OPERATOR);
        assertThat(gateway.submit(t, email("blocked@example.com", "k1")).status())
                .isEqualTo(OutboundStatus.BLOCKED_PAUSED);
        set(t, null, false, Map.of());
        assertThat(gateway.submit(t, email("blocked@example.com", "k2")).status())
                .isEqualTo(OutboundStatus.SIMULATED);
        set(t, false, null, Map.of());
        assertThat(gateway.submit(t, email("blocked@example.com", "k3")).status())
                .isEqualTo(OutboundStatus.BLOCKED_CHANNEL_OFF);
        set(t, null, null, Map.of(Channel.EMAIL, true));
        assertThat(gateway.submit(t, email("Blocked@Example.com", "k4")).status())
                .isEqualTo(OutboundStatus.BLOCKED_SUPPRESSED);
        OutboundView sent = gateway.submit(t, email("fine@example.com", "k5"));
        assertThat(sent.status()).isEqualTo(OutboundStatus.SENT);
        assertThat(sent.providerMessageId()).startsWith("msg-");
        assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
        RecordingAdapters.CONFIGURED.remove(t);
        assertThat(gateway.submit(t, email("fine@example.com", "k6")).status())
                .isEqualTo(OutboundStatus.BLOCKED_NOT_CONFIGURED);
        assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
    }

    @Test
    void dryRunRecordsTheFullMessageAndEmitsSimulated() {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId t = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(t);
        OutboundView v = gateway.submit(
                t,
                new OutboundMessage(
                        Channel.EMAIL,
                        "lead@example.com",
                        "Your quote",
                        "Full body of the message",
                        UUID.randomUUID(),
                        null,
                        null,
                        "sim-1",
                        OPERATOR));
        assertThat(v.status()).isEqualTo(OutboundStatus.SIMULATED);
        assertThat(RecordingAdapters.sentFor(t)).isEmpty();
        JsonNode stored = api.get("/api/v1/outbound/" + v.id(), admin.accessToken())
                .expect(200)
                .json();
        assertThat(stored.path("body").asText()).isEqualTo("Full body of the message");
        assertThat(stored.path("subject").asText()).isEqualTo("Your quote");
        JsonNode event = api.get("/api/v1/events/feed?type=outbound.", admin.accessToken())
                .json()
                .path("data")
                .get(0);
        assertThat(event.path("type").asText()).isEqualTo("outbound.simulated");
        assertThat(event.path("campaignId").asText()).isEqualTo(v.campaignId().toString());
        assertThat(api.get("/api/v1/outbound?status=SIMULATED", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
        assertThat(api.get("/api/v1/outbound?status=SENT", admin.accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void providerFailureIsRecordedAsFailed() {
        TenantId t = workspace();
        RecordingAdapters.configure(t);
        RecordingAdapters.failFor(t);
        set(t, false, false, Map.of(Channel.SMS, true));
        OutboundView v = gateway.submit(
                t, new OutboundMessage(Channel.SMS, "+14165550100", null, "Hi", null, null, null, "fail-1", OPERATOR));
        assertThat(v.status()).isEqualTo(OutboundStatus.FAILED);
        assertThat(v.reason()).contains("provider rejected");
        // the same key again does not retry the send
        assertThat(gateway.submit(
                                t,
                                new OutboundMessage(
                                        Channel.SMS, "+14165550100", null, "Hi", null, null, null, "fail-1", OPERATOR))
                        .status())
                .isEqualTo(OutboundStatus.FAILED);
        assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyReturnsTheFirstOutcomeAndNeverSendsTwice() {
        TenantId t = workspace();
        RecordingAdapters.configure(t);
        set(t, false, false, Map.of(Channel.EMAIL, true));
        OutboundView first = gateway.submit(t, email("once@example.com", "same-key"));
        // switching dry run on afterwards does not change the recorded outcome of that key
        set(t, true, null, Map.of());
        OutboundView again = gateway.submit(t, email("once@example.com", "same-key"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.status()).isEqualTo(OutboundStatus.SENT);
        assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
        assertThatThrownBy(() -> gateway.submit(t, email("someone-else@example.com", "same-key")))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code().name()).isEqualTo("IDEMPOTENCY_CONFLICT"));
    }

    @Test
    void concurrentSubmissionsOfOneKeySendExactlyOnce() throws Exception {
        TenantId t = workspace();
        RecordingAdapters.configure(t);
        set(t, false, false, Map.of(Channel.EMAIL, true));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OutboundView>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<OutboundView> call = () -> {
                start.await();
                return gateway.submit(t, email("race@example.com", "race-key"));
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<UUID> ids = new ArrayList<>();
        for (Future<OutboundView> f : results) {
            OutboundView v = f.get();
            ids.add(v.id());
            assertThat(v.status()).isEqualTo(OutboundStatus.SENT);
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
    }

    @Test
    void duplicatesOfAMessageInFlightWaitForItsOutcomeWithoutPollingTheRow() throws Exception {
        TenantId t = workspace();
        RecordingAdapters.configure(t);
        set(t, false, false, Map.of(Channel.EMAIL, true));
        CountDownLatch provider = new CountDownLatch(1);
        RecordingAdapters.HOLD.put(t, provider);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<OutboundView> first = pool.submit(() -> gateway.submit(t, email("slow@example.com", "slow-key")));
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> RecordingAdapters.sentFor(t).size() == 1);
            long readsBefore = gateway.waitReads();
            List<Future<OutboundView>> duplicates = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                duplicates.add(pool.submit(() -> gateway.submit(t, email("slow@example.com", "slow-key"))));
            }
            // the duplicates are waiting (each read the row and registered for its outcome); the provider is slow
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> gateway.waitReads() - readsBefore >= 10);
            long waitingReads = gateway.waitReads();
            // a second and a half in which a poller every 50 ms would have read the row 150 times
            org.awaitility.Awaitility.await()
                    .pollDelay(java.time.Duration.ofMillis(1500))
                    .atMost(java.time.Duration.ofSeconds(3))
                    .until(() -> true);
            assertThat(gateway.waitReads() - waitingReads).isZero();
            assertThat(duplicates).noneMatch(Future::isDone);
            long released = System.nanoTime();
            provider.countDown();
            UUID id = first.get().id();
            for (Future<OutboundView> d : duplicates) {
                OutboundView v = d.get(5, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(v.id()).isEqualTo(id);
                assertThat(v.status()).isEqualTo(OutboundStatus.SENT);
            }
            // woken by the outcome's notification, well before the in-flight wait's deadline (5 s)
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - released))
                    .isLessThan(java.time.Duration.ofSeconds(2));
            assertThat(RecordingAdapters.sentFor(t)).hasSize(1);
        } finally {
            RecordingAdapters.HOLD.remove(t);
            pool.shutdownNow();
        }
    }

    @Test
    void invalidMessagesAre400() {
        TenantId t = workspace();
        assertThatThrownBy(() -> gateway.submit(
                        t, new OutboundMessage(null, "a@b.co", null, "x", null, null, null, "k", OPERATOR)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("channel");
        assertThatThrownBy(() -> gateway.submit(
                        t, new OutboundMessage(Channel.EMAIL, "a@b.co", null, "x", null, null, null, " ", OPERATOR)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> gateway.submit(
                        t, new OutboundMessage(Channel.EMAIL, "a@b.co", null, "", null, null, null, "k", OPERATOR)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("body");
    }

    /**
     * Property: over random sequences of settings changes and messages on every channel, the adapters receive no
     * call while dry run or the global pause is on, and every message gets exactly the outcome the rules give.
     */
    @Test
    void adaptersNeverReceiveACallWhileDryRunOrPauseIsOn() {
        Channel[] channels = Channel.values();
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            TenantId t = workspace();
            RecordingAdapters.configure(t);
            boolean dryRun = true;
            boolean pause = false;
            Map<Channel, Boolean> enabled = new EnumMap<>(Channel.class);
            for (Channel c : channels) {
                enabled.put(c, false);
            }
            for (int step = 0; step < 60; step++) {
                if (random.nextInt(3) == 0) {
                    Boolean newDry = random.nextBoolean() ? random.nextBoolean() : null;
                    Boolean newPause = random.nextInt(4) == 0 ? random.nextBoolean() : null;
                    Channel c = channels[random.nextInt(channels.length)];
                    boolean on = random.nextBoolean();
                    set(t, newDry, newPause, Map.of(c, on));
                    dryRun = newDry == null ? dryRun : newDry;
                    pause = newPause == null ? pause : newPause;
                    enabled.put(c, on);
                } else {
                    Channel c = channels[random.nextInt(channels.length)];
                    int before = RecordingAdapters.sentFor(t).size();
                    String to = switch (c) {
                        case EMAIL -> "p" + step + "@example.com";
                        case SMS, WHATSAPP -> "+1416555" + String.format("%04d", step);
                        default -> "handle" + step;
                    };
                    OutboundView v = gateway.submit(
                            t,
                            new OutboundMessage(
                                    c,
                                    to,
                                    null,
                                    "Body " + step,
                                    null,
                                    null,
                                    null,
                                    "prop-" + seed + "-" + step,
                                    OPERATOR));
                    int after = RecordingAdapters.sentFor(t).size();
                    OutboundStatus expected = pause
                            ? OutboundStatus.BLOCKED_PAUSED
                            : dryRun
                                    ? OutboundStatus.SIMULATED
                                    : !enabled.get(c) ? OutboundStatus.BLOCKED_CHANNEL_OFF : OutboundStatus.SENT;
                    assertThat(v.status()).as("seed %d step %d", seed, step).isEqualTo(expected);
                    if (dryRun || pause) {
                        assertThat(after)
                                .as("adapter calls with dry run or pause on")
                                .isEqualTo(before);
                    } else {
                        assertThat(after - before).isEqualTo(expected == OutboundStatus.SENT ? 1 : 0);
                    }
                }
            }
        }
    }
}
