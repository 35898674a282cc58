package ai.revo.missioncontrol.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key as its owner sees it: never the token, only how it starts and ends ({@code display}, e.g.
 * {@code mc_pat_AbCd…wxYz}). {@code status} is ACTIVE, EXPIRED or REVOKED; {@code expiresAt} null means it never
 * expires; {@code lastUsedAt} is recorded at most once a minute.
 */
public record ApiKeyView(
        UUID id,
        String name,
        List<String> scopes,
        String display,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
