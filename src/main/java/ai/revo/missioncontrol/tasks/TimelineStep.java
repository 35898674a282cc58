package ai.revo.missioncontrol.tasks;

import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.Map;

/** One step of a task's history: what changed, and (in a replay) the task's state right after it. */
public record TimelineStep(
        long seq,
        Instant timestamp,
        Actor actor,
        String type,
        Map<String, Object> change,
        Map<String, Object> stateAfter) {}
