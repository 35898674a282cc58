/**
 * Owns each workspace's AI agents: the registry (status IDLE, RUNNING, PAUSED, BLOCKED), their runs with retries and
 * dead letters, the work the five daily jobs do (research, enrichment and scoring, outreach drafting, content, the
 * daily brief), the deterministic checks and the confidence gate every generated draft passes before it reaches the
 * approval inbox, the AI's reply to a person's WhatsApp message (the conversation responder), the sales agent's deal
 * proposals (through revenue) and the sequential pipeline run. Publishes
 * {@code agent.*}, {@code pipeline.run.*} and {@code brief.created}; listens to {@code workspace.created}, {@code conversation.message_received}
 * and the approval decisions on the replies it wrote.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Agents",
        allowedDependencies = {
            "identity",
            "safety",
            "campaigns",
            "contacts",
            "drafts",
            "tasks",
            "ai",
            "scheduling",
            "outbound",
            "knowledge",
            "conversations",
            "revenue"
        })
package ai.revo.missioncontrol.agents;
