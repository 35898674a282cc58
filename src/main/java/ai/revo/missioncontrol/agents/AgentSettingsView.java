package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.List;

/**
 * What admins allow the agents. {@code autoApprove}: action types ({@code FIRST_MESSAGE}, {@code SOCIAL_POST}) whose
 * drafts are approved without a person when every check passed and confidence is at or above the campaign's
 * threshold; empty by default. {@code briefChannel}: where the daily brief goes to the admins (null: nowhere).
 */
public record AgentSettingsView(List<String> autoApprove, Channel briefChannel, Instant updatedAt) {

    public static final List<String> ACTIONS = List.of("FIRST_MESSAGE", "SOCIAL_POST");
}
