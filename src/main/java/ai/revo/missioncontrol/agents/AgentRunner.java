package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Performs one attempt of a run, outside any transaction: claims it, checks the agent and the workspace may work,
 * lets the agent's work go through its items, and ends the attempt as SUCCEEDED, FAILED with a retry queued after a
 * capped exponential backoff, or DEAD when the attempts are used up. Never throws.
 */
@Service
class AgentRunner {

    private static final Logger log = LoggerFactory.getLogger(AgentRunner.class);

    private final RunStore store;
    private final RunQueue queue;
    private final AgentRegistry registry;
    private final SafetyManagement safety;
    private final Map<String, AgentWork> works;
    private final Clock clock;
    private final Duration backoff;
    private final Duration maxBackoff;

    AgentRunner(
            RunStore store,
            RunQueue queue,
            AgentRegistry registry,
            SafetyManagement safety,
            List<AgentWork> works,
            Clock clock,
            @Value("${mc.agents.retry-backoff:30s}") Duration backoff,
            @Value("${mc.agents.retry-max-backoff:15m}") Duration maxBackoff) {
        this.store = store;
        this.queue = queue;
        this.registry = registry;
        this.safety = safety;
        this.works = works.stream().collect(Collectors.toMap(AgentWork::agentKey, Function.identity()));
        this.clock = clock;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** How long a run waits before it tries again while another run of its agent is RUNNING. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    boolean hasWork(String agentKey) {
        return works.containsKey(agentKey);
    }

    /** Runs the next attempt of a run and answers the run as it ended (or as it is, when not claimable). */
    AgentRunView execute(TenantId tenant, UUID runId) {
        AgentRunView run;
        try {
            run = store.get(tenant, runId);
        } catch (RuntimeException e) {
            log.warn("Agent run {} of workspace {} is gone; nothing to do", runId, tenant.value());
            return null;
        }
        AgentView agent = registry.byKey(tenant, run.agent());
        Actor actor = Actor.agent(agent.key(), agent.name());
        Optional<RunStore.Claimed> claimed;
        try {
            claimed = store.claim(tenant, runId, actor);
        } catch (DataIntegrityViolationException e) { // another claim of this agent won the race
            claimed = Optional.empty();
        }
        if (claimed.isEmpty()) {
            AgentRunView now = store.get(tenant, runId);
            if (now.status() == AgentRunStatus.QUEUED
                    && store.busyWith(tenant, run.agent(), runId).isPresent()) {
                // another run of this agent is RUNNING: this one waits in the queue and tries again shortly
                queue.enqueueWaiting(
                        tenant, runId, now.attempts() + 1, clock.instant().plus(BUSY_RETRY));
            }
            return now;
        }
        RunStore.Claimed attempt = claimed.get();
        RunContext context = new RunContext(tenant, runId, attempt.attempt(), actor, attempt.input(), store);
        String refusal = refusal(tenant, agent);
        if (refusal != null) {
            return store.finish(
                    tenant,
                    runId,
                    AgentRunStatus.FAILED,
                    context.totals(),
                    error(refusal, "PRE_CHECK", false),
                    null,
                    actor,
                    () -> {});
        }
        registry.startWork(tenant, agent.key());
        try {
            works.get(agent.key()).perform(context);
        } catch (RuntimeException e) {
            log.warn("Agent run {} ({}) failed: {}", runId, agent.key(), e.toString(), e);
            context.failed("run", runId, "the run", e);
        }
        return end(tenant, attempt, context, actor);
    }

    private AgentRunView end(TenantId tenant, RunStore.Claimed attempt, RunContext context, Actor actor) {
        if (context.failures() == 0) {
            AgentRunView done = store.finish(
                    tenant, attempt.id(), AgentRunStatus.SUCCEEDED, context.totals(), null, null, actor, () -> {});
            registry.finishWork(tenant, attempt.agent(), null);
            return done;
        }
        String message = context.failures() == 1
                ? context.firstError()
                : context.failures() + " items failed; the first: " + context.firstError();
        Map<String, Object> error = error(message, context.errorKind(), context.retryable());
        AgentRunView ended;
        if (attempt.attempt() < attempt.maxAttempts()) {
            Instant next = clock.instant().plus(delay(attempt.attempt()));
            ended = store.finish(
                    tenant,
                    attempt.id(),
                    AgentRunStatus.FAILED,
                    context.totals(),
                    error,
                    next,
                    actor,
                    () -> queue.enqueue(tenant, attempt.id(), attempt.attempt() + 1, next));
        } else {
            ended = store.finish(
                    tenant, attempt.id(), AgentRunStatus.DEAD, context.totals(), error, null, actor, () -> {});
        }
        registry.finishWork(tenant, attempt.agent(), message);
        return ended;
    }

    /** Why an agent may not work now (paused agent, paused workspace), or null. */
    String refusal(TenantId tenant, AgentView agent) {
        if (agent.status() == AgentStatus.PAUSED) {
            return "The agent " + agent.name() + " is paused";
        }
        if (safety.settings(tenant).globalPause()) {
            return "The workspace is paused (global pause)";
        }
        if (!works.containsKey(agent.key())) {
            return "No work is defined for the agent " + agent.name();
        }
        return null;
    }

    /** Backoff before attempt n+1: base * 2^(n-1), capped. */
    Duration delay(int attempt) {
        Duration d = backoff.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private static Map<String, Object> error(String message, String kind, boolean retryable) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("kind", kind);
        error.put("retryable", retryable);
        return error;
    }
}
