package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored events of a site: list them, read one, reprocess one or a time range (idempotent: the same payload
 * gives the same contact, no second lead, the event's outcome replaced), and preview a mapping on a stored payload.
 */
@Service
public class SiteEvents {

    /** Most events one range reprocess queues; a larger range is refused so it is split. */
    public static final int MAX_REPROCESS = 10_000;

    private final Sites sites;
    private final SiteEventStore store;
    private final SiteEventQueue queue;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    SiteEvents(
            Sites sites,
            SiteEventStore store,
            SiteEventQueue queue,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.sites = sites;
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The site's events, newest first, optionally of one status; 404 when the site is not in this workspace. */
    @Transactional(readOnly = true)
    public PageResult<SiteEventView> ofSite(TenantId tenant, UUID siteId, SiteEventStatus status, PageQuery page) {
        sites.load(tenant, siteId);
        return PageResult.of(
                store.ofSite(tenant, siteId, status, page), page, store.countOfSite(tenant, siteId, status));
    }

    /** One stored event; 404 when it is not in this workspace. */
    @Transactional(readOnly = true)
    public SiteEventView get(TenantId tenant, UUID id) {
        return store.get(tenant, id).orElseThrow(() -> ApiException.notFound("Site event", id));
    }

    /** Queues the event to be processed again with the site's current mapping; 404 when absent. */
    @Transactional
    public SiteEventView reprocess(TenantId tenant, UUID id, Actor actor) {
        SiteEventView event = get(tenant, id);
        int attempt = store.requeue(tenant, id, clock.instant());
        queue.enqueue(tenant, id, attempt);
        events.publishEvent(new SiteEventRequeued(tenant.value(), id, event.siteId(), attempt, actor));
        return get(tenant, id);
    }

    /**
     * Queues the site's events received from {@code from} (inclusive) to {@code to} (exclusive) with {@code status} (any when null; either
     * bound may be null) to be processed again; answers how many. 400 when {@code from} is not before {@code to} or
     * more than {@link #MAX_REPROCESS} events match.
     */
    @Transactional
    public int reprocess(TenantId tenant, UUID siteId, Instant from, Instant to, SiteEventStatus status, Actor actor) {
        Site site = sites.load(tenant, siteId);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalidField("from", "must be before to");
        }
        List<UUID> ids = store.idsOf(tenant, siteId, from, to, status, MAX_REPROCESS + 1);
        if (ids.size() > MAX_REPROCESS) {
            throw ApiException.invalidField(
                    "to", "the range holds more than " + MAX_REPROCESS + " events; reprocess it in smaller ranges");
        }
        Instant now = clock.instant();
        for (UUID id : ids) {
            queue.enqueue(tenant, id, store.requeue(tenant, id, now));
        }
        events.publishEvent(
                new SiteEventsRequeued(tenant.value(), siteId, site.name(), ids.size(), from, to, status, actor));
        return ids.size();
    }

    /**
     * Applies {@code mapping} (the site's own when null) to a stored payload: the event {@code eventId}, else the
     * site's newest. 404 for an unknown site or event; 422 when the site has no stored event yet.
     */
    @Transactional(readOnly = true)
    public MappingPreview preview(TenantId tenant, UUID siteId, UUID eventId, SiteMapping mapping) {
        Site site = sites.load(tenant, siteId);
        SiteEventView event = eventId != null
                ? get(tenant, eventId)
                : store.ofSite(tenant, siteId, null, new PageQuery(1, 1)).stream()
                        .findFirst()
                        .orElseThrow(() -> new ApiException(
                                ai.revo.missioncontrol.platform.ErrorCode.UNPROCESSABLE,
                                "The site has no stored event yet; send one, then preview"));
        if (!event.siteId().equals(siteId)) {
            throw ApiException.notFound("Site event", eventId);
        }
        SiteMapping used = mapping == null ? site.mapping() : Site.checkedMapping(mapping);
        if (!(event.payload() instanceof JsonNode root) || !root.isObject()) {
            return new MappingPreview(
                    event.id(), java.util.Map.of(), null, java.util.Map.of(), "The body is not a JSON object");
        }
        PayloadMapper.Mapped m = PayloadMapper.map(used, root, json);
        return new MappingPreview(event.id(), m.contact(), m.type(), m.properties(), m.problem());
    }
}
