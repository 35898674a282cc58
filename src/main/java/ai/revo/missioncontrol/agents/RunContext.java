package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.ai.LlmException;
import ai.revo.missioncontrol.ai.LlmResult;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One attempt of a run as the work sees it: who is working, the run's input, and where each item's outcome, the
 * tokens spent and the counts go. An LLM that is down (retryable failure) aborts the rest of the attempt: the items
 * left are picked up by the retry.
 */
final class RunContext {

    private final TenantId tenant;
    private final UUID runId;
    private final int attempt;
    private final Actor agent;
    private final Map<String, Object> input;
    private final RunStore store;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private long inputTokens;
    private long outputTokens;
    private int llmCalls;
    private int escalated;
    private int failed;
    private String firstError;
    private String errorKind;
    private boolean retryable;
    private boolean aborted;

    RunContext(TenantId tenant, UUID runId, int attempt, Actor agent, Map<String, Object> input, RunStore store) {
        this.tenant = tenant;
        this.runId = runId;
        this.attempt = attempt;
        this.agent = agent;
        this.input = input == null ? Map.of() : input;
        this.store = store;
    }

    TenantId tenant() {
        return tenant;
    }

    UUID runId() {
        return runId;
    }

    Actor agent() {
        return agent;
    }

    Map<String, Object> input() {
        return input;
    }

    int intInput(String key, int fallback) {
        Object value = input.get(key);
        return value instanceof Number n ? n.intValue() : fallback;
    }

    /** Whether the work should stop taking new items (the LLM is unavailable). */
    boolean aborted() {
        return aborted;
    }

    void count(String name) {
        count(name, 1);
    }

    void count(String name, int by) {
        counts.merge(name, by, Integer::sum);
    }

    void llm(LlmResult result) {
        llmCalls++;
        inputTokens += result.inputTokens() == null ? 0 : result.inputTokens();
        outputTokens += result.outputTokens() == null ? 0 : result.outputTokens();
    }

    void done(String type, Object id, String label, String message, UUID draftId, boolean flagged) {
        if (flagged) {
            escalated++;
            count("flagged");
        }
        store.item(
                tenant,
                runId,
                attempt,
                type,
                id == null ? null : id.toString(),
                label,
                "DONE",
                message,
                draftId,
                flagged);
    }

    void skipped(String type, Object id, String label, String reason) {
        count("skipped");
        store.item(
                tenant, runId, attempt, type, id == null ? null : id.toString(), label, "SKIPPED", reason, null, false);
    }

    void failed(String type, Object id, String label, RuntimeException error) {
        failed++;
        count("failed");
        String message = message(error);
        if (firstError == null) {
            firstError = message;
            errorKind = error instanceof LlmException llm
                    ? llm.kind().name()
                    : error.getClass().getSimpleName();
        }
        if (error instanceof LlmException llm) {
            llmCalls++;
            if (llm.retryable()) {
                retryable = true;
                aborted = true;
            }
        }
        store.item(
                tenant, runId, attempt, type, id == null ? null : id.toString(), label, "FAILED", message, null, false);
    }

    static String message(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    int failures() {
        return failed;
    }

    String firstError() {
        return firstError;
    }

    String errorKind() {
        return errorKind;
    }

    boolean retryable() {
        return retryable;
    }

    RunStore.Totals totals() {
        return new RunStore.Totals(new LinkedHashMap<>(counts), inputTokens, outputTokens, llmCalls, escalated);
    }

    Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }
}
