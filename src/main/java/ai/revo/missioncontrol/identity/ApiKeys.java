package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's personal access tokens (API keys): created with a name, scopes ({@link ApiKeyScope}) and an expiry, shown
 * once, stored as a SHA-256 hash, listed and revoked. Each user sees and revokes only their own keys; another user's
 * or another workspace's key id is answered as not found.
 */
@Service
public class ApiKeys {

    static final int MAX_ACTIVE_KEYS = 50;
    static final int MAX_DAYS = 366;
    static final Duration MAX_AHEAD = Duration.ofDays(5 * 366);

    private final ApiKeyRepository keys;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * What to create. Exactly one expiry: {@code expiresInDays} (1 to 366), {@code expiresAt} (an ISO date, the key
     * then works through that day in UTC, or an ISO instant), or {@code neverExpires} true.
     */
    public record NewApiKey(
            String name, List<String> scopes, Integer expiresInDays, String expiresAt, Boolean neverExpires) {}

    /** The created key, its token (shown this once, never again) and warnings such as a key that never expires. */
    public record CreatedApiKey(ApiKeyView apiKey, String token, List<String> warnings) {}

    /** The user's own keys, active ones first, newest first. */
    @Transactional(readOnly = true)
    public PageResult<ApiKeyView> list(TenantId tenant, UserId user, PageQuery page) {
        Instant now = clock.instant();
        List<ApiKeyView> data = keys.findByTenantIdAndUserId(tenant, user, page.limit(), page.offset()).stream()
                .map(k -> k.view(now))
                .toList();
        return PageResult.of(data, page, keys.countByTenantIdAndUserId(tenant, user));
    }

    /**
     * Creates a key for {@code user} of role {@code role}. 400 naming the field for a missing name, an unknown scope,
     * a scope the role cannot have (VIEWER: only read; admin: only ADMIN), or a missing, doubled, past or too
     * distant expiry; 409 past {@value #MAX_ACTIVE_KEYS} active keys.
     */
    @Transactional
    public CreatedApiKey create(TenantId tenant, UserId user, Role role, NewApiKey request, Actor actor) {
        if (request == null) {
            throw ApiException.invalidField("body", "is required");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw ApiException.invalidField("name", "is required");
        }
        if (name.length() > 100) {
            throw ApiException.invalidField("name", "must be at most 100 characters");
        }
        Set<ApiKeyScope> scopes = scopes(request.scopes(), role);
        Instant now = clock.instant();
        Instant expiresAt = expiry(request, now);
        long active = keys.findByTenantIdAndUserId(tenant, user, MAX_ACTIVE_KEYS + 1, 0).stream()
                .filter(k -> k.view(now).active())
                .count();
        if (active >= MAX_ACTIVE_KEYS) {
            throw ApiException.conflict("You already have " + MAX_ACTIVE_KEYS + " active API keys: revoke one first");
        }
        ApiKey.Issued issued = ApiKey.issue(tenant, user, name, scopes, expiresAt, actor, now);
        ApiKeyView view = keys.save(issued.key()).view(now);
        List<String> warnings = new ArrayList<>();
        if (expiresAt == null) {
            warnings.add("This key never expires: revoke it when it is no longer needed.");
        }
        return new CreatedApiKey(view, issued.token(), List.copyOf(warnings));
    }

    /**
     * Revokes one of the user's keys: from the next request on it is refused with 401. Revoking a revoked key is
     * answered the same and changes nothing. 404 when the key is not this user's in this workspace.
     */
    @Transactional
    public ApiKeyView revoke(TenantId tenant, UserId user, UUID id, Actor actor) {
        ApiKey key = keys.findByTenantIdAndId(tenant, id)
                .filter(k -> k.userId().equals(user))
                .orElseThrow(() -> ApiException.notFound("API key", id));
        Instant now = clock.instant();
        if (key.revoke(user, actor, now)) {
            key = keys.save(key);
        }
        return key.view(now);
    }

    private static Set<ApiKeyScope> scopes(List<String> requested, Role role) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.invalidField("scopes", "is required: one or more of read, write, send, admin");
        }
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String s : requested) {
            ApiKeyScope scope;
            try {
                scope = ApiKeyScope.of(s);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("scopes", "'" + s + "' " + e.getMessage());
            }
            if (!ApiKeyScope.allowedFor(role).contains(scope)) {
                throw ApiException.invalidField(
                        "scopes",
                        "'" + scope.wireName() + "' is beyond your role " + role.name()
                                + (role == Role.VIEWER ? ": a VIEWER's keys can only read" : ": admin needs ADMIN"));
            }
            scopes.add(scope);
        }
        return scopes;
    }

    private static Instant expiry(NewApiKey request, Instant now) {
        boolean never = Boolean.TRUE.equals(request.neverExpires());
        boolean inDays = request.expiresInDays() != null;
        boolean at = request.expiresAt() != null && !request.expiresAt().isBlank();
        int given = (never ? 1 : 0) + (inDays ? 1 : 0) + (at ? 1 : 0);
        if (given == 0) {
            throw ApiException.invalidField(
                    "expiresInDays", "is required (or expiresAt, or neverExpires: true): choose when the key expires");
        }
        if (given > 1) {
            throw ApiException.invalidField(
                    "expiresInDays", "give only one of expiresInDays, expiresAt and neverExpires");
        }
        if (never) {
            return null;
        }
        Instant expires;
        if (inDays) {
            int days = request.expiresInDays();
            if (days < 1 || days > MAX_DAYS) {
                throw ApiException.invalidField("expiresInDays", "must be between 1 and " + MAX_DAYS);
            }
            expires = now.plus(Duration.ofDays(days));
        } else {
            String value = request.expiresAt().strip();
            try {
                expires = value.length() == 10
                        ? LocalDate.parse(value)
                                .plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField(
                        "expiresAt", "must be an ISO date (2027-01-31) or instant (2027-01-31T12:00:00Z)");
            }
            if (!expires.isAfter(now)) {
                throw ApiException.invalidField("expiresAt", "must be in the future");
            }
            if (expires.isAfter(now.plus(MAX_AHEAD))) {
                throw ApiException.invalidField("expiresAt", "must be within 5 years (or choose neverExpires)");
            }
        }
        return expires.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
