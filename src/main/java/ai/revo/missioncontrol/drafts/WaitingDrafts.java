package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The drafts that wait for a decision in a workspace.
 *
 * @param total how many wait
 * @param overdue how many have waited longer than the threshold asked for
 * @param oldestId the one that has waited longest, null when none waits
 * @param oldestSubmittedAt when it was submitted
 * @param byChannel how many wait per channel
 */
public record WaitingDrafts(
        long total, long overdue, UUID oldestId, Instant oldestSubmittedAt, Map<Channel, Long> byChannel) {}
