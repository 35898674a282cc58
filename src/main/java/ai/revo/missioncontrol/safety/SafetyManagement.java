package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety settings and suppression list of a workspace. The outbound gateway asks here, at the moment of every
 * send, so a switch flipped a moment ago is already in force.
 */
@Service
public class SafetyManagement {

    private final SafetySettingsRepository settings;
    private final SuppressionRepository suppressions;
    private final UserManagement workspaces;
    private final ErasedAddresses erased;
    private final Clock clock;

    SafetyManagement(
            SafetySettingsRepository settings,
            SuppressionRepository suppressions,
            UserManagement workspaces,
            ErasedAddresses erased,
            Clock clock) {
        this.settings = settings;
        this.suppressions = suppressions;
        this.workspaces = workspaces;
        this.erased = erased;
        this.clock = clock;
    }

    /** The keyed hash of a value (an erased person's address or id), never reversible without the installation key. */
    public String erasureHash(String value) {
        return erased.hash(value);
    }

    /** The current settings; the safe defaults when nobody has changed them yet. */
    @Transactional(readOnly = true)
    public SafetyView settings(TenantId tenant) {
        return settings.findByTenantId(tenant)
                .orElseGet(() -> SafetySettings.defaults(tenant, clock.instant()))
                .view();
    }

    /** Applies a partial change; one event (audited with before and after) per switch that moved. */
    @Transactional
    public SafetyView change(TenantId tenant, SafetyChange change, Actor actor) {
        SafetySettings current =
                settings.findByTenantId(tenant).orElseGet(() -> SafetySettings.defaults(tenant, clock.instant()));
        if (!current.apply(change, actor, clock.instant())) {
            return current.view();
        }
        return settings.save(current).view();
    }

    /** Whether {@code address} is suppressed on {@code channel}; an address that cannot be normalised is not. */
    @Transactional(readOnly = true)
    public boolean isSuppressed(TenantId tenant, Channel channel, String address) {
        RecipientAddress normalised;
        try {
            normalised = RecipientAddress.of(channel, address, region(tenant));
        } catch (IllegalArgumentException e) {
            return false;
        }
        // an erased person's address is kept only as its keyed hash
        return suppressions.isSuppressedOrErased(
                tenant, channel.name(), normalised.value(), erased.stored(normalised.value()));
    }

    /**
     * Which of {@code addresses} (not null; nulls and addresses that cannot be normalised are never suppressed) are
     * suppressed on {@code channel}, in one query: the returned set holds the addresses as given.
     */
    @Transactional(readOnly = true)
    public java.util.Set<String> suppressedAmong(
            TenantId tenant, Channel channel, java.util.Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return java.util.Set.of();
        }
        String region = region(tenant);
        java.util.Map<String, java.util.List<String>> byNormalised = new java.util.HashMap<>();
        for (String address : addresses) {
            if (address == null) {
                continue;
            }
            try {
                byNormalised
                        .computeIfAbsent(
                                RecipientAddress.of(channel, address, region).value(), k -> new java.util.ArrayList<>())
                        .add(address);
            } catch (IllegalArgumentException e) {
                // not a valid address: not suppressed (as isSuppressed)
            }
        }
        if (byNormalised.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Map<String, String> byStored = new java.util.HashMap<>();
        byNormalised.keySet().forEach(n -> {
            byStored.put(n, n);
            byStored.put(erased.stored(n), n);
        });
        java.util.Set<String> out = new java.util.HashSet<>();
        suppressions
                .suppressedAmong(tenant, channel.name(), byStored.keySet())
                .forEach(s -> out.addAll(byNormalised.getOrDefault(byStored.get(s), java.util.List.of())));
        return out;
    }

    /** Normalises an address the way the suppression list compares it; 400 naming {@code address} when invalid. */
    @Transactional(readOnly = true)
    public RecipientAddress normalise(TenantId tenant, Channel channel, String address) {
        try {
            return RecipientAddress.of(channel, address, region(tenant));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("address", e.getMessage().replaceFirst("^address ", ""));
        }
    }

    @Transactional(readOnly = true)
    public PageResult<SuppressionView> suppressions(TenantId tenant, Channel channel, String search, PageQuery page) {
        String q = search == null || search.isBlank()
                ? null
                : "%"
                        + search.trim()
                                .toLowerCase(Locale.ROOT)
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
        String c = channel == null ? null : channel.name();
        return PageResult.of(
                suppressions.findPage(tenant, c, q, page.limit(), page.offset()).stream()
                        .map(Suppression::view)
                        .toList(),
                page,
                suppressions.count(tenant, c, q));
    }

    /** Suppresses an address; 409 when it already is. */
    @Transactional
    public SuppressionView suppress(
            TenantId tenant, Channel channel, String address, String reason, String note, Actor actor) {
        if (channel == null) {
            throw ApiException.invalidField("channel", "is required");
        }
        Suppression.Reason why = reason(reason);
        if (note != null && note.length() > 500) {
            throw ApiException.invalidField("note", "must be at most 500 characters");
        }
        RecipientAddress normalised = normalise(tenant, channel, address);
        if (suppressions.isSuppressed(tenant, channel.name(), normalised.value())) {
            throw ApiException.conflict("This address is already suppressed on " + channel);
        }
        try {
            return suppressions
                    .save(Suppression.add(tenant, normalised, why, note, actor, clock.instant()))
                    .view();
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ApiException.conflict("This address is already suppressed on " + channel);
            }
            throw e;
        }
    }

    /** Lifts a suppression; 404 when there is no such active suppression in this workspace. */
    @Transactional
    public void unsuppress(TenantId tenant, java.util.UUID id, Actor actor) {
        Suppression s = suppressions.findActive(tenant, id).orElseThrow(() -> ApiException.notFound("Suppression", id));
        suppressions.save(s.remove(actor, clock.instant()));
    }

    private static Suppression.Reason reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return Suppression.Reason.MANUAL;
        }
        try {
            return Suppression.Reason.valueOf(reason.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("reason", "must be one of UNSUBSCRIBED, BOUNCED, COMPLAINED, DND, MANUAL");
        }
    }

    String region(TenantId tenant) {
        return workspaces.workspace(tenant).defaultRegion();
    }
}
