/**
 * Owns drafts (messages in the making) with their numbered versions, the approval inbox and the five decisions.
 * Publishes {@code draft.*} and {@code approval.*} events; listens to its own approvals to hand approved drafts to
 * the outbound gateway after commit.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Drafts",
        allowedDependencies = {"identity", "safety", "campaigns", "contacts", "outbound", "tasks"})
package ai.revo.missioncontrol.drafts;
