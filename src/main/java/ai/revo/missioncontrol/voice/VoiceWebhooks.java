package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.sites.SiteAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vapi's server messages for one site: verified on the raw body with the site's secret before anything is parsed
 * (401 and nothing recorded otherwise), then by type. {@code assistant-request} is answered from two reads (the
 * site's settings and the caller's contact); {@code status-update}, {@code tool-calls} and {@code end-of-call-report}
 * are recorded with the call in one short transaction each; the caller becomes a contact after the report commits
 * ({@link CallContacts}). Other message types are acknowledged and not kept.
 */
@Service
public class VoiceWebhooks {

    private static final Logger log = LoggerFactory.getLogger(VoiceWebhooks.class);
    private static final Set<String> KEPT =
            Set.of("assistant-request", "status-update", "tool-calls", "end-of-call-report");

    private final SiteAccess access;
    private final CallStore store;
    private final CallContacts contacts;
    private final VoiceSettings settings;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxBodyBytes;

    VoiceWebhooks(
            SiteAccess access,
            CallStore store,
            CallContacts contacts,
            VoiceSettings settings,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            @Value("${mc.voice.max-body-bytes:5242880}") int maxBodyBytes) {
        this.access = access;
        this.store = store;
        this.contacts = contacts;
        this.settings = settings;
        this.tx = tx;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The largest body a Vapi server message may have ({@code MC_VOICE_MAX_BODY_BYTES}). */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * One server message for the site with key {@code siteKey}; headers keyed by lower-case name. Answers what Vapi
     * expects for the type ({@code {}} when it expects nothing). 404 for an unknown key, 413 over
     * {@code MC_VOICE_MAX_BODY_BYTES}, 401 when neither the secret nor the HMAC signature holds, 400 for a body that
     * is not a Vapi server message.
     */
    public JsonNode receive(String siteKey, Map<String, String> headers, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > maxBodyBytes) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than " + maxBodyBytes + " bytes");
        }
        Instant now = clock.instant();
        java.util.function.Predicate<String> check;
        try {
            check = VapiSignatures.check(headers, raw, now);
        } catch (VapiSignatures.Refused e) {
            throw ApiException.unauthorized(e.getMessage());
        }
        SiteAccess.VerifiedSite site = access.verify(siteKey, check, "The Vapi secret or signature does not match");
        String text = new String(raw, StandardCharsets.UTF_8).replace("\u0000", "");
        JsonNode message;
        try {
            message = json.readTree(text).path("message");
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.invalidField("body", "must be a Vapi server message (JSON)");
        }
        String type = message.path("type").asText("");
        if (!message.isObject() || type.isEmpty()) {
            throw ApiException.invalidField("message.type", "is required");
        }
        if (!KEPT.contains(type)) {
            return json.createObjectNode();
        }
        return TenantContext.callAs(site.tenant().value(), () -> switch (type) {
            case "assistant-request" -> assistantRequest(site, message, text, now);
            case "tool-calls" -> toolCalls(site, message, text, now);
            case "status-update" -> statusUpdate(site, message, text, now);
            default -> endOfCall(site, message, text, now);
        });
    }

    private JsonNode assistantRequest(SiteAccess.VerifiedSite site, JsonNode message, String text, Instant now) {
        VoiceSettingsView voice = settings.of(site.tenant(), site.siteId());
        ObjectNode answer = json.createObjectNode();
        if (site.paused() || voice.assistantId() == null) {
            answer.put("error", voice.unavailableMessage());
        } else {
            answer.put("assistantId", voice.assistantId());
            ObjectNode variables = answer.putObject("assistantOverrides").putObject("variableValues");
            variables.put("siteName", site.name());
            Map<String, String> context = tx.execute(s -> contacts.context(site.tenant(), callerNumber(message)));
            context.forEach(variables::put);
        }
        tx.executeWithoutResult(s ->
                store.message(site.tenant(), site.siteId(), null, "assistant-request", now, text, answer.toString()));
        return answer;
    }

    private JsonNode statusUpdate(SiteAccess.VerifiedSite site, JsonNode message, String text, Instant now) {
        String callId = providerCallId(message);
        String status = message.path("status").asText(null);
        tx.executeWithoutResult(s -> {
            UUID id = null;
            if (callId != null) {
                CallStore.Locked call = store.lock(
                        site.tenant(), site.siteId(), callId, callerNumber(message), callerName(message), now);
                id = call.id();
                // a late status-update does not move an ended call back
                if (status != null && !status.equals(call.status()) && call.reportedAt() == null) {
                    store.status(site.tenant(), call.id(), status, now);
                    events.publishEvent(new CallStatusChanged(
                            site.tenant().value(), call.id(), site.siteId(), callId, status, Actor.system()));
                }
            }
            store.message(site.tenant(), site.siteId(), id, "status-update", now, text, null);
        });
        return json.createObjectNode();
    }

    private JsonNode toolCalls(SiteAccess.VerifiedSite site, JsonNode message, String text, Instant now) {
        VoiceSettingsView voice = settings.of(site.tenant(), site.siteId());
        String callId = providerCallId(message);
        String caller = callerNumber(message);
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = answer.putArray("results");
        JsonNode list = message.path("toolCallList");
        if (!list.isArray() || list.isEmpty()) {
            list = message.path("toolCalls");
        }
        record Callback(String at, String note) {}
        java.util.List<Callback> callbacks = new java.util.ArrayList<>();
        for (JsonNode call : list) {
            String toolCallId = call.path("id").asText(null);
            String name =
                    call.path("function").path("name").asText(call.path("name").asText(""));
            JsonNode arguments = arguments(call);
            ObjectNode result = results.addObject();
            result.put("toolCallId", toolCallId);
            if (!voice.tools().contains(name)) {
                result.put("error", "No tool named " + name + " is answered for this line");
                continue;
            }
            switch (name) {
                case "lookup_contact" -> {
                    String number = arguments
                            .path("phone")
                            .asText(arguments.path("number").asText(caller));
                    String described = tx.execute(s -> contacts.describe(site.tenant(), number));
                    result.put("result", described);
                }
                case "book_callback" -> {
                    String at = text(arguments, "time", "when", "at", "datetime");
                    String note = text(arguments, "note", "reason", "notes");
                    callbacks.add(new Callback(at, note));
                    result.put(
                            "result",
                            callId == null
                                    ? "The callback could not be booked: the call is unknown"
                                    : "Callback booked" + (at == null ? "" : " for " + at));
                }
                default -> result.put("error", "No tool named " + name + " is answered for this line");
            }
        }
        tx.executeWithoutResult(s -> {
            UUID id = null;
            if (callId != null) {
                CallStore.Locked call =
                        store.lock(site.tenant(), site.siteId(), callId, caller, callerName(message), now);
                id = call.id();
                for (Callback c : callbacks) {
                    store.callback(site.tenant(), id, c.at(), c.note(), now);
                    events.publishEvent(new CallbackRequested(
                            site.tenant().value(), id, site.siteId(), c.at(), c.note(), Actor.system()));
                }
            }
            store.message(site.tenant(), site.siteId(), id, "tool-calls", now, text, answer.toString());
        });
        return answer;
    }

    private JsonNode endOfCall(SiteAccess.VerifiedSite site, JsonNode message, String text, Instant now) {
        String callId = providerCallId(message);
        if (callId == null) {
            throw ApiException.invalidField("message.call.id", "is required in an end-of-call-report");
        }
        CallStore.Report report = report(message);
        tx.executeWithoutResult(s -> {
            CallStore.Locked call =
                    store.lock(site.tenant(), site.siteId(), callId, report.callerNumber(), report.callerName(), now);
            boolean first = call.reportedAt() == null;
            store.report(site.tenant(), call.id(), report, now);
            store.message(site.tenant(), site.siteId(), call.id(), "end-of-call-report", now, text, null);
            if (first) {
                events.publishEvent(new CallEnded(
                        site.tenant().value(),
                        call.id(),
                        site.siteId(),
                        callId,
                        report.callerNumber(),
                        report.durationSeconds(),
                        report.endedReason(),
                        Actor.system()));
            }
        });
        return json.createObjectNode();
    }

    /**
     * The report in either of Vapi's shapes: the current one keeps transcript and recording under {@code artifact}
     * and the summary under {@code analysis}; the older one has {@code transcript}, {@code recordingUrl} and
     * {@code summary} at the top of the message.
     */
    static CallStore.Report report(JsonNode m) {
        JsonNode call = m.path("call");
        JsonNode artifact = m.path("artifact");
        Instant started = instant(first(m.path("startedAt"), call.path("startedAt")));
        Instant ended = instant(first(m.path("endedAt"), call.path("endedAt")));
        Long duration = null;
        if (started != null && ended != null && !ended.isBefore(started)) {
            duration = Duration.between(started, ended).toSeconds();
        } else if (m.path("durationSeconds").isNumber()) {
            duration = Math.round(m.path("durationSeconds").asDouble());
        }
        JsonNode cost = first(m.path("cost"), call.path("cost"));
        String recording = url(first(
                artifact.path("recordingUrl"),
                artifact.path("recording").path("mono").path("combinedUrl"),
                artifact.path("recording").path("stereoUrl"),
                artifact.path("stereoRecordingUrl"),
                m.path("recordingUrl"),
                m.path("stereoRecordingUrl")));
        return new CallStore.Report(
                callerNumber(m),
                callerName(m),
                started,
                ended,
                duration,
                textOf(first(m.path("endedReason"), call.path("endedReason"))),
                cost.isNumber() ? cost.decimalValue() : null,
                textOf(first(m.path("analysis").path("summary"), m.path("summary"), call.path("summary"))),
                textOf(first(artifact.path("transcript"), m.path("transcript"))),
                recording);
    }

    static String providerCallId(JsonNode m) {
        return textOf(first(m.path("call").path("id"), m.path("callId")));
    }

    static String callerNumber(JsonNode m) {
        return textOf(first(
                m.path("call").path("customer").path("number"),
                m.path("customer").path("number")));
    }

    static String callerName(JsonNode m) {
        return textOf(first(
                m.path("call").path("customer").path("name"), m.path("customer").path("name")));
    }

    private JsonNode arguments(JsonNode call) {
        JsonNode args = call.path("function").path("arguments");
        if (args.isMissingNode()) {
            args = call.path("arguments");
        }
        if (args.isTextual()) {
            try {
                return json.readTree(args.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                log.debug("Tool arguments are not JSON: {}", e.getOriginalMessage());
                return json.createObjectNode();
            }
        }
        return args.isObject() ? args : json.createObjectNode();
    }

    private static String text(JsonNode args, String... names) {
        for (String name : names) {
            String v = textOf(args.path(name));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static JsonNode first(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n != null
                    && !n.isMissingNode()
                    && !n.isNull()
                    && !(n.isTextual() && n.asText().isBlank())) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()
                ? null
                : node.asText().isBlank() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        String v = textOf(node);
        if (v == null) {
            return null;
        }
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String url(JsonNode node) {
        String v = textOf(node);
        return v != null && (v.startsWith("https://") || v.startsWith("http://")) ? v : null;
    }
}
