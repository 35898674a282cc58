/**
 * Dashboard figures computed from the other modules' facades (campaign statistics so far; briefs later).
 * Publishes nothing; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"identity", "campaigns", "contacts", "drafts", "outbound"})
package ai.revo.missioncontrol.analytics;
