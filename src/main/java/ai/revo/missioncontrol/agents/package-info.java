/**
 * Owns each workspace's registry of AI agents: who they are, their status (IDLE, RUNNING, PAUSED, BLOCKED) and
 * last run. Publishes {@code agent.status_changed}; listens to {@code workspace.created} to seed the defaults.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agents", allowedDependencies = { "identity" })
package ai.revo.missioncontrol.agents;
