package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The AI helpers: personalise, rewrite and score a text or a draft. They write nothing (the LLM call is logged, as
 * every call is); each answer is a suggestion with the model's confidence (none for rule-made edits), the sha-256 of
 * its input and a timestamp. Without a model they never offer an unchanged text.
 * Feedback on a suggestion is stored in the background.
 */
@Service
public class AiAssistant {

    public static final int MAX_TEXT = 20_000;
    private static final Set<String> OUTCOMES = Set.of("ACCEPTED", "REJECTED", "EDITED");

    private final LlmGateway gateway;
    private final ContentScorer scorer;
    private final ObjectProvider<AiSubjects> subjects;
    private final ObjectProvider<AiKnowledge> knowledge;
    private final AiFeedback.Writer feedback;
    private final Clock clock;

    AiAssistant(
            LlmGateway gateway,
            ContentScorer scorer,
            ObjectProvider<AiSubjects> subjects,
            ObjectProvider<AiKnowledge> knowledge,
            AiFeedback.Writer feedback,
            Clock clock) {
        this.knowledge = knowledge;
        this.gateway = gateway;
        this.scorer = scorer;
        this.subjects = subjects;
        this.feedback = feedback;
        this.clock = clock;
    }

    /**
     * Personalises a draft, or {@code text} (with {@code subject}) for a lead or for no one in particular, in
     * {@code tone}. Merge fields in the text are filled from the lead first. Without a model (template mode) the
     * deterministic rules of {@link RuleEdits} do it and say what they changed; when they would change nothing, 422
     * {@code NEEDS_LANGUAGE_MODEL}. 404 when the draft or lead is unknown; 400 when there is no text or it is too
     * long. Throws {@link LlmException} when the model fails.
     */
    public Suggestion personalize(
            TenantId tenant, UUID draftId, UUID leadId, String text, String subject, String tone) {
        AiSubject base = subject(tenant, draftId, leadId);
        String body = text != null ? text : base == null ? null : base.text();
        String subj = subject != null ? subject : base == null ? null : base.subject();
        body = required("text", body);
        String original = body;
        String t = optional("tone", tone, 100);
        Map<String, Object> vars = new HashMap<>(base == null ? Map.of() : base.variables());
        body = MergeTemplate.render(body, vars);
        subj = subj == null ? null : MergeTemplate.render(subj, vars);
        String hash = LlmGateway.sha256("personalize\n" + nz(t) + "\n" + nz(subj) + "\n" + body + "\n" + sorted(vars));
        if (gateway.mode().templateMode()) {
            RuleEdits.Edit edit = RuleEdits.personalize(original, body, subj, vars, t);
            return new Suggestion(
                    UUID.randomUUID(),
                    edit.text(),
                    edit.subject(),
                    null,
                    hash,
                    RuleEdits.MODEL,
                    clock.instant(),
                    edit.changes(),
                    List.of());
        }
        vars.put("text", body);
        vars.put("subject", subj);
        vars.put("tone", t);
        Grounding grounding = ground(tenant, base, nz(subj) + "\n" + body);
        LlmResult r =
                gateway.generateWhileAPersonWaits(tenant, "personalize", vars, context(draftId, leadId), grounding);
        String out = r.field("text");
        String outSubject = r.field("subject");
        return new Suggestion(
                UUID.randomUUID(),
                out,
                subj == null ? null : outSubject == null ? subj : outSubject,
                r.confidence(),
                hash,
                r.model(),
                clock.instant(),
                null,
                r.grounding().passages());
    }

    /**
     * Rewrites a draft or {@code text} following {@code instruction}. Without a model only the kinds rules can honour
     * are done (shorter, remove a paragraph, formal or informal greeting); any other instruction, or one that would
     * change nothing, is 422 {@code NEEDS_LANGUAGE_MODEL}. 404, 400 and failures as for personalize.
     */
    public Suggestion rewrite(TenantId tenant, UUID draftId, String text, String instruction) {
        AiSubject base = subject(tenant, draftId, null);
        String body = required("text", text != null ? text : base == null ? null : base.text());
        String how = required("instruction", instruction);
        if (how.length() > 1000) {
            throw ApiException.invalidField("instruction", "must be at most 1000 characters");
        }
        Map<String, Object> vars = new HashMap<>(base == null ? Map.of() : base.variables());
        String hash = LlmGateway.sha256("rewrite\n" + how + "\n" + body);
        if (gateway.mode().templateMode()) {
            RuleEdits.Edit edit = RuleEdits.rewrite(body, how, vars);
            return new Suggestion(
                    UUID.randomUUID(),
                    edit.text(),
                    base == null ? null : base.subject(),
                    null,
                    hash,
                    RuleEdits.MODEL,
                    clock.instant(),
                    edit.changes(),
                    List.of());
        }
        vars.put("text", body);
        vars.put("instruction", how);
        Grounding grounding = ground(tenant, base, body);
        LlmResult r = gateway.generateWhileAPersonWaits(tenant, "rewrite", vars, context(draftId, null), grounding);
        return new Suggestion(
                UUID.randomUUID(),
                r.field("text"),
                base == null ? null : base.subject(),
                r.confidence(),
                hash,
                r.model(),
                clock.instant(),
                null,
                r.grounding().passages());
    }

    /** Scores a draft or {@code text} without a model: heuristic estimates from {@link ContentScorer#RULES}. */
    public ScoreSuggestion score(TenantId tenant, UUID draftId, String text) {
        AiSubject base = subject(tenant, draftId, null);
        String body = required("text", text != null ? text : base == null ? null : base.text());
        ContentScore s = scorer.score(body);
        return new ScoreSuggestion(
                s.spamRisk(),
                s.replyProbability(),
                s.signals(),
                LlmGateway.sha256("score\n" + body),
                clock.instant(),
                "heuristic",
                ContentScorer.RULES);
    }

    /**
     * Accepts feedback on a suggestion (outcome ACCEPTED, REJECTED or EDITED) and stores it in the background;
     * 400 naming the field when it is incomplete.
     */
    public void feedback(
            TenantId tenant, UUID suggestionId, String inputHash, String outcome, String comment, Actor actor) {
        if (suggestionId == null) {
            throw ApiException.invalidField("suggestionId", "is required");
        }
        if (inputHash == null || !inputHash.matches("[0-9a-f]{64}")) {
            throw ApiException.invalidField("inputHash", "must be the suggestion's sha-256 input hash (64 hex digits)");
        }
        String o = outcome == null ? null : outcome.trim().toUpperCase(Locale.ROOT);
        if (o == null || !OUTCOMES.contains(o)) {
            throw ApiException.invalidField("outcome", "must be ACCEPTED, REJECTED or EDITED");
        }
        String c = optional("comment", comment, 2000);
        feedback.write(tenant, new AiFeedback.Feedback(suggestionId, inputHash, o, c, actor));
    }

    private AiSubject subject(TenantId tenant, UUID draftId, UUID leadId) {
        if (draftId == null && leadId == null) {
            return null;
        }
        AiSubjects provider = subjects.getIfAvailable();
        if (draftId != null) {
            return (provider == null ? java.util.Optional.<AiSubject>empty() : provider.draft(tenant, draftId))
                    .orElseThrow(() -> ApiException.notFound("Draft", draftId));
        }
        return (provider == null ? java.util.Optional.<AiSubject>empty() : provider.lead(tenant, leadId))
                .orElseThrow(() -> ApiException.notFound("Lead", leadId));
    }

    /**
     * The passages of knowledge for the text and its campaign (the whole workspace's when it has none); none when no
     * module provides knowledge. The text leads the question, cut to what a search takes.
     */
    private Grounding ground(TenantId tenant, AiSubject base, String text) {
        AiKnowledge provider = knowledge.getIfAvailable();
        if (provider == null) {
            return Grounding.none();
        }
        String question = text.strip();
        return provider.ground(
                tenant,
                base == null ? null : base.campaignId(),
                question.substring(0, Math.min(900, question.length())));
    }

    private static LlmContext context(UUID draftId, UUID leadId) {
        if (draftId != null) {
            return new LlmContext(null, "draft", draftId.toString());
        }
        if (leadId != null) {
            return new LlmContext(null, "lead", leadId.toString());
        }
        return LlmContext.none();
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "is required");
        }
        if (value.length() > MAX_TEXT) {
            throw ApiException.invalidField(field, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return value.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String sorted(Map<String, Object> vars) {
        return new java.util.TreeMap<>(vars).toString();
    }
}
