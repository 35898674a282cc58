package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.identity.TenantId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way any module talks to a language model. With {@code mc.llm.base-url} blank it is in template mode: each
 * prompt's deterministic fallback template produces the output, logged as model {@code template}. Otherwise it calls
 * the OpenAI-compatible endpoint through LangChain4j, retrying 429, 5xx, timeouts and connection errors with
 * exponential backoff behind a circuit breaker. Every call, in both modes, writes one {@code llm_logs} row after the
 * call, in its own transaction.
 */
@Service
public class LlmGateway {

    private static final Logger log = LoggerFactory.getLogger(LlmGateway.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Precedes the passages of knowledge in a prompt: use them where they help, state nothing they do not. */
    static final String KNOWLEDGE_PREAMBLE =
            "\n\nWhat the business knows (passages from its knowledge base, best first;"
                    + " use them only where they help, and state no price, product or fact about the business that neither"
                    + " they nor the text above give):\n\n";

    private final PromptCatalog prompts;
    private final LlmLogs logs;
    private final LlmProperties properties;
    private final ObjectProvider<MeterRegistry> meters;
    private final ChatModel model;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final ai.revo.missioncontrol.identity.UserManagement workspaces;
    private final long dailyRequests;
    private final long dailyTokens;
    private static final int MAX_CALLS_IN_FLIGHT = 64;
    /** Model calls run here so that a call's deadline can cut one off; never the database. */
    private final ExecutorService calls =
            new ThreadPoolExecutor(0, MAX_CALLS_IN_FLIGHT, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread t = new Thread(runnable, "llm-call");
                t.setDaemon(true);
                return t;
            });

    LlmGateway(
            PromptCatalog prompts,
            LlmLogs logs,
            LlmProperties properties,
            ObjectProvider<MeterRegistry> meters,
            ai.revo.missioncontrol.identity.UserManagement workspaces,
            @org.springframework.beans.factory.annotation.Value("${mc.llm.budget.daily-requests:2000}")
                    long dailyRequests,
            @org.springframework.beans.factory.annotation.Value("${mc.llm.budget.daily-tokens:2000000}")
                    long dailyTokens) {
        this.workspaces = workspaces;
        this.dailyRequests = dailyRequests;
        this.dailyTokens = dailyTokens;
        this.prompts = prompts;
        this.logs = logs;
        this.properties = properties;
        this.meters = meters;
        if (properties.templateMode()) {
            this.model = null;
            this.retry = null;
            this.breaker = null;
            log.info("LLM gateway in template mode: no LLM configured (mc.llm.base-url is blank)");
            return;
        }
        this.model = OpenAiChatModel.builder()
                .baseUrl(properties.baseUrl().trim())
                .apiKey(
                        properties.apiKey() == null || properties.apiKey().isBlank()
                                ? null
                                : properties.apiKey().trim())
                .modelName(properties.model())
                .timeout(properties.timeout())
                .maxRetries(0)
                .build();
        this.retry = Retry.of(
                "llm",
                RetryConfig.custom()
                        .maxAttempts(properties.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.backoff(), 2.0))
                        .retryOnException(e -> !(e instanceof DeadlineReached)
                                && classify(e).retryable()
                                && !(e instanceof CallNotPermittedException))
                        .build());
        LlmProperties.Circuit c = properties.circuit();
        this.breaker = CircuitBreaker.of(
                "llm",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(Math.max(c.window(), c.minimumCalls()))
                        .minimumNumberOfCalls(c.minimumCalls())
                        .failureRateThreshold(c.failureRateThreshold())
                        .waitDurationInOpenState(c.openFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
        log.info("LLM gateway calls model {} at {}", properties.model(), properties.baseUrl());
    }

    /**
     * Renders the active version of {@code promptKey} with {@code variables} (nested maps allowed:
     * {@code campaign.agentName}), calls the configured model or, in template mode, renders the prompt's fallback
     * template, logs the call in {@code llm_logs}, and answers the result. Must not be called inside a database
     * transaction. Throws {@link LlmException} when the call fails after retries.
     */
    public LlmResult generate(TenantId tenant, String promptKey, Map<String, ?> variables, LlmContext context) {
        return generate(tenant, promptKey, variables, context, properties.callDeadline(), Grounding.none());
    }

    /**
     * As {@link #generate(TenantId, String, Map, LlmContext)}, with passages of the workspace's knowledge: when a model
     * is called they follow the rendered prompt, each prefixed {@code [Source: name p.N | Relevance: 0.85]}, and the
     * log row records their chunk ids; a template uses none of them (the result's grounding and the log say so).
     */
    public LlmResult generate(
            TenantId tenant, String promptKey, Map<String, ?> variables, LlmContext context, Grounding grounding) {
        return generate(tenant, promptKey, variables, context, properties.callDeadline(), grounding);
    }

    /**
     * As {@link #generate(TenantId, String, Map, LlmContext)}, for a person waiting on a page: everything, retries and
     * the re-ask of a malformed JSON answer included, ends within {@code mc.llm.interactive-deadline} (at most 30 s);
     * an attempt still running then is cut off and the call fails as {@link LlmException.Kind#TIMEOUT}.
     */
    public LlmResult generateWhileAPersonWaits(
            TenantId tenant, String promptKey, Map<String, ?> variables, LlmContext context) {
        return generate(tenant, promptKey, variables, context, properties.interactiveDeadline(), Grounding.none());
    }

    /** As {@link #generateWhileAPersonWaits(TenantId, String, Map, LlmContext)}, with passages of knowledge. */
    public LlmResult generateWhileAPersonWaits(
            TenantId tenant, String promptKey, Map<String, ?> variables, LlmContext context, Grounding grounding) {
        return generate(tenant, promptKey, variables, context, properties.interactiveDeadline(), grounding);
    }

    /**
     * The call with a deadline for all of it: an attempt runs on the gateway's own threads and is cancelled (its HTTP
     * request interrupted) when the deadline passes; no further attempt starts after it; a malformed JSON answer is
     * asked for once more only when the time left is at least what the first answer took.
     */
    LlmResult generate(
            TenantId tenant, String promptKey, Map<String, ?> variables, LlmContext context, Duration deadline) {
        return generate(tenant, promptKey, variables, context, deadline, Grounding.none());
    }

    LlmResult generate(
            TenantId tenant,
            String promptKey,
            Map<String, ?> variables,
            LlmContext given,
            Duration deadline,
            Grounding knowledge) {
        Grounding grounding = knowledge == null || model == null ? Grounding.none() : knowledge;
        LlmContext context = (given == null ? LlmContext.none() : given).withChunkIds(grounding.chunkIds());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            log.warn(
                    "LLM call for prompt {} inside a database transaction; slow I/O should run outside one", promptKey);
        }
        Map<String, ?> vars = variables == null ? Map.of() : variables;
        long started = System.nanoTime();
        PromptView prompt = prompts.active(tenant, promptKey).orElse(null);
        if (prompt == null) {
            LlmException unknown = new LlmException(
                    LlmException.Kind.UNKNOWN_PROMPT, "No prompt " + promptKey + " in this workspace", null);
            finish(tenant, context, promptKey, null, null, modelName(), started, null, null, 0, unknown);
            throw unknown;
        }
        String system = MergeTemplate.render(prompt.systemTemplate(), vars);
        String user = MergeTemplate.render(prompt.template(), vars);
        if (!grounding.isEmpty()) {
            user = user + KNOWLEDGE_PREAMBLE + grounding.forModel();
        }
        String hash = sha256(system + "\n\n" + user);
        if (model == null) {
            return fromTemplate(tenant, prompt, vars, context, hash, started);
        }
        checkBudget(tenant);
        List<ChatMessage> messages = new ArrayList<>();
        if (!system.isBlank()) {
            messages.add(SystemMessage.from(system));
        }
        messages.add(UserMessage.from(user));
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (prompt.json()) {
            request.responseFormat(ResponseFormat.JSON);
        }
        ChatRequest chat = request.build();
        AtomicInteger attempts = new AtomicInteger();
        long endsAt = started + deadline.toNanos();
        Supplier<ChatResponse> once = () -> bounded(chat, endsAt, deadline, attempts);
        Supplier<ChatResponse> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, once));
        Integer inputTokens = null;
        Integer outputTokens = null;
        List<String> problems = List.of();
        int answers = prompt.json() ? 2 : 1; // a malformed JSON answer is asked for once more
        for (int answer = 1; answer <= answers; answer++) {
            long asked = System.nanoTime();
            ChatResponse response;
            try {
                response = guarded.get();
            } catch (RuntimeException e) {
                LlmException failure = classify(e);
                finish(
                        tenant,
                        context,
                        promptKey,
                        prompt.version(),
                        hash,
                        properties.model(),
                        started,
                        inputTokens,
                        outputTokens,
                        attempts.get(),
                        failure);
                throw failure;
            }
            if (response.tokenUsage() != null) {
                inputTokens = add(inputTokens, response.tokenUsage().inputTokenCount());
                outputTokens = add(outputTokens, response.tokenUsage().outputTokenCount());
            }
            String text =
                    response.aiMessage() == null ? null : response.aiMessage().text();
            String model = response.modelName() == null || response.modelName().isBlank()
                    ? properties.model()
                    : response.modelName();
            if (!prompt.json()) {
                if (text == null || text.isBlank()) {
                    LlmException empty = new LlmException(
                            LlmException.Kind.MALFORMED, "The model gave an empty answer to prompt " + promptKey, null);
                    finish(
                            tenant,
                            context,
                            promptKey,
                            prompt.version(),
                            hash,
                            model,
                            started,
                            inputTokens,
                            outputTokens,
                            attempts.get(),
                            empty);
                    throw empty;
                }
                long latency = finish(
                        tenant,
                        context,
                        promptKey,
                        prompt.version(),
                        hash,
                        model,
                        started,
                        inputTokens,
                        outputTokens,
                        attempts.get(),
                        null);
                return new LlmResult(
                        text.strip(),
                        null,
                        model,
                        promptKey,
                        prompt.version(),
                        hash,
                        latency,
                        inputTokens,
                        outputTokens,
                        null,
                        false,
                        grounding);
            }
            Parsed parsed = parse(text, prompt.outputSchema());
            if (parsed.problems().isEmpty()) {
                long latency = finish(
                        tenant,
                        context,
                        promptKey,
                        prompt.version(),
                        hash,
                        model,
                        started,
                        inputTokens,
                        outputTokens,
                        attempts.get(),
                        null);
                return new LlmResult(
                        write(parsed.json()),
                        parsed.json(),
                        model,
                        promptKey,
                        prompt.version(),
                        hash,
                        latency,
                        inputTokens,
                        outputTokens,
                        confidence(parsed.json()),
                        false,
                        grounding);
            }
            problems = parsed.problems();
            log.info("Malformed answer to prompt {} (answer {} of {}): {}", promptKey, answer, answers, problems);
            long now = System.nanoTime();
            if (answer < answers && endsAt - now < now - asked) {
                // asking again would most likely run past the deadline: fail now with what the model said
                answers = answer;
                break;
            }
        }
        LlmException malformed = new LlmException(
                LlmException.Kind.MALFORMED,
                answers == 2
                        ? "The model answered prompt " + promptKey + " with malformed JSON twice: "
                                + String.join("; ", problems)
                        : "The model answered prompt " + promptKey + " with malformed JSON and there was no time left"
                                + " within the " + seconds(deadline) + " s deadline to ask again: "
                                + String.join("; ", problems),
                null);
        finish(
                tenant,
                context,
                promptKey,
                prompt.version(),
                hash,
                properties.model(),
                started,
                inputTokens,
                outputTokens,
                attempts.get(),
                malformed);
        throw malformed;
    }

    /**
     * One attempt on the gateway's threads, waited for at most until {@code endsAt}; past it the attempt is cancelled
     * (interrupting its HTTP request) and no attempt starts any more.
     */
    private ChatResponse bounded(ChatRequest chat, long endsAt, Duration deadline, AtomicInteger attempts) {
        long left = endsAt - System.nanoTime();
        if (left <= 0) {
            throw new DeadlineReached(deadline, attempts.get());
        }
        Future<ChatResponse> call;
        try {
            call = calls.submit(() -> model.chat(chat));
        } catch (RejectedExecutionException e) {
            throw new LlmException(
                    LlmException.Kind.RATE_LIMITED,
                    "Too many model calls are in flight on this node (" + MAX_CALLS_IN_FLIGHT + "); try again shortly",
                    e);
        }
        attempts.incrementAndGet();
        try {
            return call.get(left, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw new DeadlineReached(deadline, attempts.get());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeadlineReached(deadline, attempts.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The call's whole deadline passed: never retried. */
    static final class DeadlineReached extends LlmException {
        DeadlineReached(Duration deadline, int attempts) {
            super(
                    Kind.TIMEOUT,
                    "The model did not answer within the " + seconds(deadline) + " s deadline of this call (" + attempts
                            + (attempts == 1 ? " attempt" : " attempts") + ")",
                    null);
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
    }

    @jakarta.annotation.PreDestroy
    void stopCalls() {
        calls.shutdownNow();
    }

    /**
     * Each workspace's daily model budget (requests and tokens over the last 24 hours; the operator can set a
     * workspace's own, -1 = none): one workspace cannot spend the installation's whole quota.
     */
    private void checkBudget(TenantId tenant) {
        ai.revo.missioncontrol.identity.WorkspaceStanding standing = workspaces.standing(tenant);
        long requests = standing.llmDailyRequests() != null ? standing.llmDailyRequests() : dailyRequests;
        long tokens = standing.llmDailyTokens() != null ? standing.llmDailyTokens() : dailyTokens;
        if (requests < 0 && tokens < 0) {
            return;
        }
        long[] used = logs.modelUsageSince(tenant, java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        if ((requests >= 0 && used[0] >= requests) || (tokens >= 0 && used[1] >= tokens)) {
            throw new LlmException(
                    LlmException.Kind.RATE_LIMITED,
                    "This workspace's daily model budget is used up (" + used[0] + " calls, " + used[1]
                            + " tokens in the last 24 hours); it frees up as older calls age out",
                    null);
        }
    }

    /** Template mode, or the model with its endpoint and circuit state. */
    public LlmMode mode() {
        if (model == null) {
            return new LlmMode(true, LlmResult.TEMPLATE_MODEL, null, null);
        }
        // the endpoint's address is the installation's, shown only in the operator console
        return new LlmMode(false, properties.model(), null, breaker.getState().name());
    }

    /** For tests: a closed circuit with no history. */
    void resetCircuit() {
        if (breaker != null) {
            breaker.reset();
        }
    }

    private LlmResult fromTemplate(
            TenantId tenant, PromptView prompt, Map<String, ?> vars, LlmContext context, String hash, long started) {
        String text;
        Map<String, Object> json = null;
        try {
            if (prompt.json()) {
                Map<String, Object> template = JSON.readValue(prompt.fallbackTemplate(), MAP);
                json = mergeValues(template, vars, prompt.outputSchema());
                json.remove("confidence"); // typed into a template, never an evaluation
                List<String> problems = OutputSchema.violations(json, prompt.outputSchema());
                if (!problems.isEmpty()) {
                    throw new LlmException(
                            LlmException.Kind.MALFORMED,
                            "The fallback template of prompt " + prompt.key() + " produced an invalid answer: "
                                    + String.join("; ", problems),
                            null);
                }
                text = write(json);
            } else {
                text = MergeTemplate.render(prompt.fallbackTemplate(), vars).strip();
            }
        } catch (IOException e) {
            LlmException broken = new LlmException(
                    LlmException.Kind.MALFORMED,
                    "The fallback template of prompt " + prompt.key() + " is not a JSON object",
                    e);
            finish(
                    tenant,
                    context,
                    prompt.key(),
                    prompt.version(),
                    hash,
                    LlmResult.TEMPLATE_MODEL,
                    started,
                    null,
                    null,
                    0,
                    broken);
            throw broken;
        } catch (LlmException e) {
            finish(
                    tenant,
                    context,
                    prompt.key(),
                    prompt.version(),
                    hash,
                    LlmResult.TEMPLATE_MODEL,
                    started,
                    null,
                    null,
                    0,
                    e);
            throw e;
        }
        long latency = finish(
                tenant,
                context,
                prompt.key(),
                prompt.version(),
                hash,
                LlmResult.TEMPLATE_MODEL,
                started,
                null,
                null,
                0,
                null);
        return new LlmResult(
                text,
                json,
                LlmResult.TEMPLATE_MODEL,
                prompt.key(),
                prompt.version(),
                hash,
                latency,
                null,
                null,
                null, // a template is not a model: a number in its JSON is typed-in, not an evaluation
                prompt.approvedForAutomaticUse(),
                Grounding.none());
    }

    /** Each string value merged; blank optional strings dropped; other values kept. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeValues(
            Map<String, Object> template, Map<String, ?> vars, Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        template.forEach((name, value) -> {
            Object merged = value;
            if (value instanceof String s) {
                merged = MergeTemplate.render(s, vars).strip();
                if (((String) merged).isEmpty() && (schema == null || !OutputSchema.required(schema, name))) {
                    return;
                }
            } else if (value instanceof Map<?, ?> nested) {
                merged = mergeValues((Map<String, Object>) nested, vars, null);
            } else if (value instanceof List<?> list) {
                merged = list.stream()
                        .map(v -> v instanceof String s ? MergeTemplate.render(s, vars) : v)
                        .toList();
            }
            out.put(name, merged);
        });
        return out;
    }

    private record Parsed(Map<String, Object> json, List<String> problems) {}

    private static Parsed parse(String text, Map<String, Object> schema) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, List.of("the answer is empty"));
        }
        String body = text.strip();
        if (body.startsWith("```")) { // some models fence JSON even in JSON mode
            int firstLine = body.indexOf('\n');
            int fence = body.lastIndexOf("```");
            if (firstLine > 0 && fence > firstLine) {
                body = body.substring(firstLine + 1, fence).strip();
            }
        }
        Map<String, Object> json;
        try {
            json = JSON.readValue(body, MAP);
        } catch (IOException e) {
            return new Parsed(null, List.of("the answer is not a JSON object"));
        }
        if (json == null) {
            return new Parsed(null, List.of("the answer is not a JSON object"));
        }
        return new Parsed(json, OutputSchema.violations(json, schema));
    }

    private static Double confidence(Map<String, Object> json) {
        if (json.get("confidence") instanceof Number n && !Double.isNaN(n.doubleValue())) {
            return Math.max(0.0, Math.min(1.0, n.doubleValue()));
        }
        return null;
    }

    /** Writes the log row and the metric; answers the call's latency in milliseconds. */
    private long finish(
            TenantId tenant,
            LlmContext context,
            String promptKey,
            Integer version,
            String hash,
            String model,
            long started,
            Integer inputTokens,
            Integer outputTokens,
            int attempts,
            LlmException failure) {
        long nanos = System.nanoTime() - started;
        long latency = TimeUnit.NANOSECONDS.toMillis(nanos);
        try {
            logs.record(
                    tenant,
                    new LlmLogs.Entry(
                            context,
                            promptKey,
                            version,
                            hash,
                            model,
                            latency,
                            inputTokens,
                            outputTokens,
                            attempts,
                            failure));
        } catch (RuntimeException e) {
            log.error("Could not log the LLM call for prompt {}", promptKey, e);
        }
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Timer.builder("llm.calls")
                    .description("LLM gateway calls, model or template")
                    .tag("prompt", promptKey)
                    .tag("outcome", failure == null ? "SUCCEEDED" : "FAILED")
                    .tag("mode", this.model == null ? "template" : "model")
                    .register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
        return latency;
    }

    private String modelName() {
        return model == null ? LlmResult.TEMPLATE_MODEL : properties.model();
    }

    /** A readable failure for any exception of a model call. */
    LlmException classify(Throwable e) {
        if (e instanceof LlmException known) {
            return known;
        }
        if (e instanceof CallNotPermittedException) {
            return new LlmException(
                    LlmException.Kind.CIRCUIT_OPEN,
                    "The LLM endpoint failed repeatedly, so calls " + "are paused for "
                            + properties.circuit().openFor().toSeconds() + " s (circuit open)",
                    e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                if (t instanceof HttpConnectTimeoutException) {
                    return unreachable(e);
                }
                return new LlmException(
                        LlmException.Kind.TIMEOUT,
                        "The LLM endpoint did not answer within "
                                + properties.timeout().toMillis() + " ms",
                        e);
            }
        }
        Integer status = null;
        for (Throwable t = e; t != null && status == null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                status = http.statusCode();
            } else if (t instanceof RateLimitException) {
                status = 429;
            }
        }
        if (status == null && e instanceof InternalServerException) {
            status = 500;
        }
        if (status != null) {
            if (status == 429) {
                return new LlmException(
                        LlmException.Kind.RATE_LIMITED, "The LLM endpoint is rate-limiting requests (HTTP 429)", e);
            }
            if (status >= 500) {
                return new LlmException(
                        LlmException.Kind.UNAVAILABLE, "The LLM endpoint failed (HTTP " + status + ")", e);
            }
            return new LlmException(
                    LlmException.Kind.REJECTED,
                    "The LLM endpoint refused the request (HTTP " + status
                            + (status == 401 || status == 403
                                    ? ": check MC_LLM_API_KEY"
                                    : status == 404 ? ": check MC_LLM_BASE_URL and MC_LLM_MODEL" : "")
                            + ")",
                    e);
        }
        if (e instanceof AuthenticationException
                || e instanceof InvalidRequestException
                || e instanceof ModelNotFoundException) {
            return new LlmException(
                    LlmException.Kind.REJECTED,
                    "The LLM endpoint refused the request: " + shorten(redact(e.getMessage())),
                    e);
        }
        return unreachable(e);
    }

    private LlmException unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnresolvedAddressException
                    || t instanceof UnresolvedModelServerException
                    || t instanceof IOException) {
                return new LlmException(LlmException.Kind.UNAVAILABLE, "The LLM endpoint could not be reached", e);
            }
        }
        return new LlmException(
                LlmException.Kind.UNAVAILABLE, "The LLM call failed: " + shorten(redact(e.getMessage())), e);
    }

    /** Removes the endpoint's address from a provider's message: workspaces never see the installation's hosts. */
    private String redact(String message) {
        if (message == null
                || properties.baseUrl() == null
                || properties.baseUrl().isBlank()) {
            return message;
        }
        String redacted = message.replace(properties.baseUrl().trim(), "the endpoint");
        try {
            java.net.URI uri = java.net.URI.create(properties.baseUrl().trim());
            if (uri.getHost() != null) {
                if (uri.getPort() > 0) {
                    redacted = redacted.replace(uri.getHost() + ":" + uri.getPort(), "the endpoint");
                }
                redacted = redacted.replace(uri.getHost(), "the endpoint");
            }
        } catch (IllegalArgumentException ignored) {
            // not a URI: the plain replacement above is all we can do
        }
        return redacted.replaceAll("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?\\b", "the endpoint");
    }

    private static String shorten(String message) {
        if (message == null) {
            return "no details";
        }
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private static Integer add(Integer a, Integer b) {
        if (b == null) {
            return a;
        }
        return a == null ? b : a + b;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
