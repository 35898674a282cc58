package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.whatsapp.WhatsAppSimulator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The WhatsApp simulator: an operator plays the customer against the real reply pipeline; nothing reaches Meta. */
@RestController
@Tag(name = "WhatsApp")
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class WhatsAppSimulatorController {

    private final WhatsAppSimulator simulator;

    WhatsAppSimulatorController(WhatsAppSimulator simulator) {
        this.simulator = simulator;
    }

    /** The body of a new session: the campaign whose persona answers (optional). */
    record Start(UUID campaignId) {}

    /** What the simulated customer types. */
    record Say(String text) {}

    @PostMapping("/api/v1/whatsapp/simulator/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Starts a simulator session {campaignId?}: 201 with the session (simulated: true)",
            description = "Without campaignId the connected number's campaign answers. The session is a simulated"
                    + " conversation: no contact, no lead, outside the inbox and the reports; whatever is sent in it"
                    + " the outbound gateway records as SIMULATED. 400 for a campaign not of this workspace.")
    WhatsAppSimulator.SessionView start(CurrentUser user, @RequestBody(required = false) Start body) {
        return simulator.start(user.tenantId(), body == null ? null : body.campaignId(), user.actor());
    }

    @GetMapping("/api/v1/whatsapp/simulator/sessions")
    @Operation(
            summary = "The workspace's simulator sessions, newest first: {data: [{id, campaignId, campaignName,"
                    + " startedBy, createdAt, simulated}]}")
    Map<String, List<WhatsAppSimulator.SessionSummary>> list(CurrentUser user) {
        return Map.of("data", simulator.list(user.tenantId()));
    }

    @PostMapping("/api/v1/whatsapp/simulator/sessions/{id}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "The simulated customer writes {text}: 202 with the session; the AI answers in the background",
            description = "The text gets the webhook path's safety check (stop words, sentiment, snooze phrases) and"
                    + " is filed as a WhatsApp text message, so the same responder answers it (history, knowledge,"
                    + " products, checks, confidence gate, approval inbox). 400 for an empty or too long text, 404"
                    + " for an unknown session.")
    WhatsAppSimulator.SessionView say(
            CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Say body) {
        return simulator.say(user.tenantId(), id, body == null ? null : body.text());
    }

    @GetMapping("/api/v1/whatsapp/simulator/sessions/{id}")
    @Operation(
            summary = "The session with its transcript: each customer message with its safety outcome and what the"
                    + " AI did (status, reason, reply text, confidence, sources, checks and gate)")
    WhatsAppSimulator.SessionView get(CurrentUser user, @PathVariable UUID id) {
        return simulator.get(user.tenantId(), id);
    }

    @DeleteMapping("/api/v1/whatsapp/simulator/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Deletes the session and its messages, AI replies and safety outcomes (a reply waiting for"
                    + " approval is rejected first)")
    void delete(CurrentUser user, @PathVariable UUID id) {
        simulator.delete(user.tenantId(), id, user.actor());
    }
}
