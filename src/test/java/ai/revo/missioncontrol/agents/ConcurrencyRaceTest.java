package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Races with real threads against the real PostgreSQL: the database, not luck, keeps the rules. */
class ConcurrencyRaceTest extends IntegrationTest {

    @Autowired
    DraftManagement drafts;

    @Autowired
    RunStore runs;

    /** Starts every task at the same moment on its own thread and answers what each returned or threw. */
    static <T> List<Object> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return task.call();
                } catch (Exception e) {
                    return e;
                }
            }));
        }
        ready.await();
        go.countDown();
        List<Object> out = new ArrayList<>();
        for (Future<Object> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdownNow();
        return out;
    }

    @Test
    void racingWritersGetExactlyOneOpenDraftPerLeadAndChannel() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId tenant = TenantId.of(admin.tenantId());
        String campaign = AgentPipelineTest.activeCampaign(api, admin, "Race", List.of("EMAIL"));
        UUID lead = UUID.fromString(api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of("campaignId", campaign, "contact", Map.of("email", "race@example.com")))
                .expect(201)
                .json()
                .path("id")
                .asText());
        List<Object> outcomes = race(
                8,
                () -> drafts.write(
                        tenant,
                        UUID.fromString(campaign),
                        lead,
                        Channel.EMAIL,
                        new DraftContent("Hi", "Hello there", null),
                        Priority.NORMAL,
                        null,
                        null,
                        Actor.system()));
        long written = outcomes.stream()
                .filter(o -> o instanceof ai.revo.missioncontrol.drafts.DraftView)
                .count();
        List<Object> refused = outcomes.stream()
                .filter(o -> o instanceof ApiException a && a.code() == ErrorCode.CONFLICT)
                .toList();
        assertThat(written).as(outcomes.toString()).isEqualTo(1);
        assertThat(refused).hasSize(7);
        assertThat(api.get("/api/v1/drafts?leadId=" + lead, admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        // another channel is another draft
        drafts.write(
                tenant,
                UUID.fromString(campaign),
                lead,
                Channel.SMS,
                new DraftContent(null, "Hello there", null),
                Priority.NORMAL,
                null,
                null,
                Actor.system());
    }

    @Test
    void twoRunsOfOneAgentNeverRunAtTheSameTime() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId tenant = TenantId.of(admin.tenantId());
        Actor actor = Actor.agent("lead_researcher", "Lead researcher");
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queued.add(runs.create(tenant, "lead_researcher", RunTrigger.MANUAL, null, actor, Map.of(), 3));
        }
        List<UUID> pending = new ArrayList<>(queued);
        List<Object> claims = race(6, () -> {
            UUID id;
            synchronized (pending) {
                id = pending.remove(0);
            }
            try {
                return runs.claim(tenant, id, actor);
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                return Optional.empty(); // the unique index caught a claim that raced past the check
            }
        });
        long claimed = claims.stream()
                .filter(o -> o instanceof Optional<?> opt && opt.isPresent())
                .count();
        assertThat(claimed).as(claims.toString()).isEqualTo(1);
        assertThat(claims).allMatch(o -> o instanceof Optional<?>);
        assertThat(runs.busyWith(tenant, "lead_researcher", null).orElseThrow().status())
                .isEqualTo(AgentRunStatus.RUNNING);

        // a person asking for another run is told why not
        String message = api.post("/api/v1/agents/lead_researcher/run", admin.accessToken(), Map.of())
                .expectError(409, "CONFLICT")
                .json()
                .path("error")
                .path("message")
                .asText();
        assertThat(message).contains("already has a run RUNNING", "never overlap");
    }
}
