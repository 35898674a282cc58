package ai.revo.missioncontrol.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the API and the board show it; {@code timeline} is filled on the detail only. {@code version} is what a
 * change or move sends back ({@code version} or {@code If-Match}) to be refused with 409 when the task changed since.
 */
public record TaskView(
        UUID id,
        String title,
        String description,
        BoardColumn column,
        int position,
        Assignee assignee,
        UUID draftId,
        UUID leadId,
        UUID campaignId,
        String priority,
        Instant dueAt,
        List<String> labels,
        Integer progress,
        Instant createdAt,
        Instant updatedAt,
        List<TimelineStep> timeline,
        long version) {

    /** Who works on the task: a user or an agent. */
    public record Assignee(String type, String id) {}

    TaskView withTimeline(List<TimelineStep> steps) {
        return new TaskView(
                id,
                title,
                description,
                column,
                position,
                assignee,
                draftId,
                leadId,
                campaignId,
                priority,
                dueAt,
                labels,
                progress,
                createdAt,
                updatedAt,
                steps,
                version);
    }
}
