/**
 * Owns campaigns: their objective, channels, dates, ideal-customer criteria and the AI persona with the system
 * prompt generated from it. Publishes {@code campaign.*} events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Campaigns",
        allowedDependencies = {"identity", "safety", "contacts", "ai"})
package ai.revo.missioncontrol.campaigns;
