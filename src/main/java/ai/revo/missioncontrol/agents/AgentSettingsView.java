package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.List;

/**
 * What admins allow the agents. {@code autoApprove}: action types ({@code FIRST_MESSAGE}, {@code SOCIAL_POST}) whose
 * drafts are approved without a person when every check passed and confidence is at or above the campaign's
 * threshold; empty by default. {@code briefChannel}: where the daily brief goes to the admins (null: nowhere).
 * {@code researchEnrolLimit}: how many contacts one lead research run enrols at most, across campaigns (200);
 * {@code researchNeedsConfirmation}: a run only previews what it would enrol until a person confirms it.
 */
public record AgentSettingsView(
        List<String> autoApprove,
        Channel briefChannel,
        Instant updatedAt,
        int researchEnrolLimit,
        boolean researchNeedsConfirmation) {

    public static final List<String> ACTIONS = List.of("FIRST_MESSAGE", "SOCIAL_POST", "SEQUENCE_STEP");
    public static final int DEFAULT_RESEARCH_LIMIT = 200;
    public static final int MAX_RESEARCH_LIMIT = 5000;
}
