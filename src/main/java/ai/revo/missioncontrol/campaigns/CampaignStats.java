package ai.revo.missioncontrol.campaigns;

import java.util.Map;

/**
 * A campaign's figures: leads by status, drafts waiting for approval, messages simulated and sent, and leads that
 * replied (REPLIED or further along: INTERESTED, BOOKED, WON).
 */
public record CampaignStats(
        Map<String, Long> leadsByStatus, long draftsWaiting, long messagesSimulated, long messagesSent, long replies) {}
