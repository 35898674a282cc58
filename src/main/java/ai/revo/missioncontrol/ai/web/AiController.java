package ai.revo.missioncontrol.ai.web;

import ai.revo.missioncontrol.ai.AiAssistant;
import ai.revo.missioncontrol.ai.LlmException;
import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmMode;
import ai.revo.missioncontrol.ai.ScoreSuggestion;
import ai.revo.missioncontrol.ai.Suggestion;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ErrorBody;
import ai.revo.missioncontrol.platform.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The AI helpers: suggestions only, nothing is written except the LLM log and feedback. */
@RestController
@RequestMapping("/api/v1/ai")
@Tag(name = "AI")
class AiController {

    private final AiAssistant assistant;
    private final LlmGateway gateway;

    AiController(AiAssistant assistant, LlmGateway gateway) {
        this.assistant = assistant;
        this.gateway = gateway;
    }

    record PersonalizeRequest(UUID draftId, UUID leadId, String text, String subject, String tone) {}

    record RewriteRequest(UUID draftId, String text, String instruction) {}

    record ScoreRequest(UUID draftId, String text) {}

    record FeedbackRequest(UUID suggestionId, String inputHash, String outcome, String comment) {}

    @GetMapping("/status")
    @Operation(summary = "Template mode (no LLM configured) or the model, its endpoint and circuit state")
    LlmMode status() {
        return gateway.mode();
    }

    @PostMapping("/personalize")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "Personalises a draft, or a text for a lead, in a tone: {draftId | leadId + text | text, tone}")
    Suggestion personalize(CurrentUser user, @RequestBody PersonalizeRequest r) {
        return assistant.personalize(user.tenantId(), r.draftId(), r.leadId(), r.text(), r.subject(), r.tone());
    }

    @PostMapping("/rewrite")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(summary = "Rewrites a draft or a text following an instruction: {draftId | text, instruction}")
    Suggestion rewrite(CurrentUser user, @RequestBody RewriteRequest r) {
        return assistant.rewrite(user.tenantId(), r.draftId(), r.text(), r.instruction());
    }

    @PostMapping("/score")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(summary = "Spam risk and reply probability of a draft or a text, without a model")
    ScoreSuggestion score(CurrentUser user, @RequestBody ScoreRequest r) {
        return assistant.score(user.tenantId(), r.draftId(), r.text());
    }

    @PostMapping("/feedback")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Feedback on a suggestion, stored in the background: {suggestionId, inputHash, outcome, comment}")
    Map<String, String> feedback(CurrentUser user, @RequestBody FeedbackRequest r) {
        assistant.feedback(user.tenantId(), r.suggestionId(), r.inputHash(), r.outcome(), r.comment(), user.actor());
        return Map.of("status", "ACCEPTED");
    }

    @ExceptionHandler(LlmException.class)
    ResponseEntity<ErrorBody> failed(LlmException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", e.kind().name());
        details.put("retryable", e.retryable());
        return ResponseEntity.status(ErrorCode.SERVICE_UNAVAILABLE.status())
                .body(ErrorBody.of(ErrorCode.SERVICE_UNAVAILABLE, e.getMessage(), details));
    }
}
