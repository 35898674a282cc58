/**
 * Loads a demo workspace on a fresh embedded installation so a newcomer sees a living system at once: campaigns,
 * leads across the pipeline, drafts waiting for approval and tasks in every column. Uses only other modules'
 * facades. Publishes nothing of its own; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"identity", "safety", "campaigns", "contacts", "drafts", "tasks"})
package ai.revo.missioncontrol.demo;
