package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** A workspace's outbound safety switches. Safe by default: dry run on, every channel off. */
@Table("safety_settings")
class SafetySettings extends AbstractAggregateRoot<SafetySettings> {

    @Id
    private final TenantId tenantId;

    private boolean dryRunMode;
    private boolean globalPause;
    private boolean emailEnabled;
    private boolean whatsappEnabled;
    private boolean facebookEnabled;
    private boolean instagramEnabled;
    private boolean linkedinEnabled;
    private boolean smsEnabled;
    private String updatedBy;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    SafetySettings(
            TenantId tenantId,
            boolean dryRunMode,
            boolean globalPause,
            boolean emailEnabled,
            boolean whatsappEnabled,
            boolean facebookEnabled,
            boolean instagramEnabled,
            boolean linkedinEnabled,
            boolean smsEnabled,
            String updatedBy,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.tenantId = tenantId;
        this.dryRunMode = dryRunMode;
        this.globalPause = globalPause;
        this.emailEnabled = emailEnabled;
        this.whatsappEnabled = whatsappEnabled;
        this.facebookEnabled = facebookEnabled;
        this.instagramEnabled = instagramEnabled;
        this.linkedinEnabled = linkedinEnabled;
        this.smsEnabled = smsEnabled;
        this.updatedBy = updatedBy;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static SafetySettings defaults(TenantId tenant, Instant now) {
        return new SafetySettings(tenant, true, false, false, false, false, false, false, false, null, null, now, null);
    }

    /**
     * Applies what the change contains and registers one event per switch that actually moved; returns whether
     * anything moved.
     */
    boolean apply(SafetyChange change, Actor actor, Instant now) {
        boolean changed = false;
        if (change.dryRunMode().isPresent() && change.dryRunMode().get() != dryRunMode) {
            registerEvent(new SafetyToggled(
                    tenantId.value(),
                    SafetyToggled.DRY_RUN,
                    null,
                    dryRunMode,
                    change.dryRunMode().get(),
                    actor));
            dryRunMode = change.dryRunMode().get();
            changed = true;
        }
        if (change.globalPause().isPresent() && change.globalPause().get() != globalPause) {
            registerEvent(new SafetyToggled(
                    tenantId.value(),
                    SafetyToggled.GLOBAL_PAUSE,
                    null,
                    globalPause,
                    change.globalPause().get(),
                    actor));
            globalPause = change.globalPause().get();
            changed = true;
        }
        for (Map.Entry<Channel, Boolean> entry : new TreeMap<>(change.channels()).entrySet()) {
            boolean current = channel(entry.getKey());
            if (entry.getValue() != current) {
                registerEvent(new SafetyToggled(
                        tenantId.value(), SafetyToggled.CHANNEL, entry.getKey(), current, entry.getValue(), actor));
                setChannel(entry.getKey(), entry.getValue());
                changed = true;
            }
        }
        if (changed) {
            updatedBy = actor.name();
            updatedAt = now;
        }
        return changed;
    }

    boolean channel(Channel channel) {
        return switch (channel) {
            case EMAIL -> emailEnabled;
            case WHATSAPP -> whatsappEnabled;
            case FACEBOOK -> facebookEnabled;
            case INSTAGRAM -> instagramEnabled;
            case LINKEDIN -> linkedinEnabled;
            case SMS -> smsEnabled;
        };
    }

    private void setChannel(Channel channel, boolean enabled) {
        switch (channel) {
            case EMAIL -> emailEnabled = enabled;
            case WHATSAPP -> whatsappEnabled = enabled;
            case FACEBOOK -> facebookEnabled = enabled;
            case INSTAGRAM -> instagramEnabled = enabled;
            case LINKEDIN -> linkedinEnabled = enabled;
            case SMS -> smsEnabled = enabled;
        }
    }

    SafetyView view() {
        Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            channels.put(c, channel(c));
        }
        return new SafetyView(dryRunMode, globalPause, channels, updatedAt, updatedBy);
    }
}
