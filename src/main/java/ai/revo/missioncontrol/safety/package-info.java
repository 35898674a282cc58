/**
 * Owns the outbound safety settings of each workspace (dry run, per-channel switches, global pause) and the
 * suppression list. Publishes {@code safety.*} and {@code suppression.*} events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Safety",
        allowedDependencies = {"identity", "platform :: secrets"})
package ai.revo.missioncontrol.safety;
