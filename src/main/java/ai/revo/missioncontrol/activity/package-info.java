/**
 * Owns the event log and the append-only audit log, the feed and live delivery (SSE, WebSocket, Redis fan-out
 * across nodes). Records every {@link ai.revo.missioncontrol.platform.MissionEvent} inside its publisher's
 * transaction; streams it after commit. Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Activity",
        allowedDependencies = {"identity"})
package ai.revo.missioncontrol.activity;
