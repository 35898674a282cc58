package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A campaign. Its system prompt is always the one its persona generates; its status moves only along
 * {@link CampaignStatus#next()}.
 */
@Table("campaigns")
class Campaign extends AbstractAggregateRoot<Campaign> {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String name;
    private String description;
    private String objective;
    private CampaignChannels channels;
    private CampaignStatus status;
    private LocalDate startDate;
    private LocalDate endDate;
    private String timezone;
    private Criteria criteria;
    private Persona persona;
    private String systemPrompt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Campaign(
            UUID id,
            TenantId tenantId,
            String name,
            String description,
            String objective,
            CampaignChannels channels,
            CampaignStatus status,
            LocalDate startDate,
            LocalDate endDate,
            String timezone,
            Criteria criteria,
            Persona persona,
            String systemPrompt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.objective = objective;
        this.channels = channels;
        this.status = status;
        this.startDate = startDate;
        this.endDate = endDate;
        this.timezone = timezone;
        this.criteria = criteria;
        this.persona = persona;
        this.systemPrompt = systemPrompt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Campaign create(TenantId tenant, CampaignDraft draft, String defaultTimezone, Actor actor, Instant now) {
        String name = draft.name().orElseThrow(() -> ApiException.invalidField("name", "is required"));
        Campaign c = new Campaign(
                UUID.randomUUID(),
                tenant,
                null,
                null,
                null,
                new CampaignChannels(null),
                CampaignStatus.DRAFT,
                null,
                null,
                defaultTimezone,
                Criteria.none(),
                Persona.defaults(),
                null,
                null,
                now,
                now);
        c.name = name;
        c.apply(draft);
        c.registerEvent(new CampaignChanged(tenant.value(), "campaign.created", null, c.view(), actor));
        return c;
    }

    void change(CampaignDraft draft, Actor actor, Instant now) {
        if (status == CampaignStatus.ARCHIVED) {
            throw ApiException.conflict("An archived campaign cannot be changed");
        }
        CampaignView before = view();
        apply(draft);
        updatedAt = now;
        registerEvent(new CampaignChanged(tenantId.value(), "campaign.updated", before, view(), actor));
    }

    void moveTo(CampaignStatus target, Actor actor, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "A " + status + " campaign cannot become " + target,
                    Map.of(
                            "status",
                            status.name(),
                            "allowed",
                            status.next().stream().map(Enum::name).sorted().toList()));
        }
        CampaignView before = view();
        status = target;
        updatedAt = now;
        String type = switch (target) {
            case ACTIVE -> "campaign.activated";
            case PAUSED -> "campaign.paused";
            case COMPLETED -> "campaign.completed";
            case ARCHIVED -> "campaign.archived";
            case DRAFT -> throw new IllegalStateException("no move back to DRAFT");
        };
        registerEvent(new CampaignChanged(tenantId.value(), type, before, view(), actor));
    }

    /** Whether the campaign is ACTIVE or PAUSED and its end date has passed in its own time zone. */
    boolean hasEnded(Instant now) {
        if (endDate == null || (status != CampaignStatus.ACTIVE && status != CampaignStatus.PAUSED)) {
            return false;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (RuntimeException e) {
            zone = java.time.ZoneOffset.UTC;
        }
        return LocalDate.ofInstant(now, zone).isAfter(endDate);
    }

    /** Completes a campaign whose end date has passed; does nothing to one that has not ended. */
    boolean completeIfEnded(Instant now) {
        if (!hasEnded(now)) {
            return false;
        }
        moveTo(CampaignStatus.COMPLETED, Actor.system(), now);
        return true;
    }

    private void apply(CampaignDraft d) {
        d.name().ifPresent(n -> {
            if (n.isBlank() || n.trim().length() > 200) {
                throw ApiException.invalidField("name", "must be 1 to 200 characters");
            }
            name = n.trim();
        });
        d.description().ifPresent(v -> description = limited("description", v, 5000));
        d.objective().ifPresent(v -> objective = limited("objective", v, 2000));
        d.channels().ifPresent(v -> channels = new CampaignChannels(v));
        d.startDate().ifPresent(v -> startDate = v.orElse(null));
        d.endDate().ifPresent(v -> endDate = v.orElse(null));
        d.timezone().ifPresent(v -> {
            try {
                timezone = ZoneId.of(v.trim()).getId();
            } catch (DateTimeException e) {
                throw ApiException.invalidField("timezone", "is not a known time zone, e.g. America/Toronto");
            }
        });
        d.criteria().ifPresent(v -> criteria = v);
        d.persona().ifPresent(v -> persona = v);
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw ApiException.invalidField("endDate", "must not be before startDate");
        }
        systemPrompt = SystemPrompt.of(persona, name, objective);
    }

    private static String limited(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return value.trim();
    }

    CampaignView view() {
        return new CampaignView(
                id,
                name,
                description,
                objective,
                channels.sorted(),
                status,
                startDate,
                endDate,
                timezone,
                criteria,
                persona,
                systemPrompt,
                createdAt,
                updatedAt);
    }
}
