package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** An address nothing may be sent to on one channel, and why. Removing it is a soft delete. */
@Table("suppressions")
class Suppression extends AbstractAggregateRoot<Suppression> {

    enum Reason {
        UNSUBSCRIBED,
        BOUNCED,
        COMPLAINED,
        DND,
        MANUAL
    }

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final Channel channel;
    private final String address;
    private final Reason reason;
    private final String note;
    private final String createdBy;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;

    @PersistenceCreator
    Suppression(
            UUID id,
            TenantId tenantId,
            Channel channel,
            String address,
            Reason reason,
            String note,
            String createdBy,
            Long version,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.channel = channel;
        this.address = address;
        this.reason = reason;
        this.note = note;
        this.createdBy = createdBy;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.deletedAt = deletedAt;
    }

    static Suppression add(
            TenantId tenant, RecipientAddress address, Reason reason, String note, Actor actor, Instant now) {
        Suppression s = new Suppression(
                UUID.randomUUID(),
                tenant,
                address.channel(),
                address.value(),
                reason,
                note,
                actor.name(),
                null,
                now,
                now,
                null);
        s.registerEvent(SuppressionChanged.added(s.view(), tenant.value(), actor));
        return s;
    }

    Suppression remove(Actor actor, Instant now) {
        if (deletedAt == null) {
            deletedAt = now;
            updatedAt = now;
            registerEvent(SuppressionChanged.removed(view(), tenantId.value(), actor));
        }
        return this;
    }

    SuppressionView view() {
        return new SuppressionView(id, channel, address, reason.name(), note, createdBy, createdAt);
    }
}
