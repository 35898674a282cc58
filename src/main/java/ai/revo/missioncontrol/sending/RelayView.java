package ai.revo.missioncontrol.sending;

import java.time.Instant;

/** The workspace's own relay as its admins see it: never the password, only whether one is set. */
public record RelayView(
        String host, int port, String username, boolean passwordSet, boolean startTls, Instant updatedAt) {}
