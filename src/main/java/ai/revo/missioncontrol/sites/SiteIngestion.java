package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest endpoint's work: find the site by its key, verify the request on the raw body with the site's
 * secrets, store it raw and queue its processing, all in one short transaction; nothing is parsed before the
 * signature holds and nothing is stored when it does not. A delivery seen before is acknowledged with its first
 * event and not queued again.
 */
@Service
public class SiteIngestion {

    private static final Logger log = LoggerFactory.getLogger(SiteIngestion.class);

    /** The request headers kept with an event: what processing and a person debugging need, never a secret. */
    static final List<String> KEPT_HEADERS = List.of(
            "content-type",
            "user-agent",
            "webhook-id",
            "webhook-timestamp",
            "x-webflow-timestamp",
            "idempotency-key",
            "x-request-id");

    private final JdbcClient jdbc;
    private final SiteRepository sites;
    private final SiteEventStore store;
    private final SiteEventQueue queue;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxBodyBytes;

    SiteIngestion(
            JdbcClient jdbc,
            SiteRepository sites,
            SiteEventStore store,
            SiteEventQueue queue,
            SecretCipher cipher,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            @Value("${mc.sites.max-body-bytes:1048576}") int maxBodyBytes) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.store = store;
        this.queue = queue;
        this.cipher = cipher;
        this.tx = tx;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Receives one request for the site with key {@code siteKey}. {@code headers} are keyed by lower-case name. 404
     * for an unknown key; 413 over {@code MC_SITES_MAX_BODY_BYTES}; 401 when the signature or secret is missing,
     * stale or wrong (nothing stored); 400 for a body that is not UTF-8 text.
     */
    public IngestReceipt receive(String siteKey, Map<String, String> headers, byte[] body) {
        if (body == null) {
            body = new byte[0];
        }
        if (body.length > maxBodyBytes) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than " + maxBodyBytes + " bytes");
        }
        record Key(UUID id, UUID tenant) {}
        Optional<Key> key = siteKey == null || !siteKey.matches("[a-z0-9-]{8,80}")
                ? Optional.empty()
                : jdbc.sql("select id, tenant_id from sites_site_of_key(?)")
                        .param(siteKey)
                        .query((rs, n) -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                        .optional();
        if (key.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No site has this ingest key");
        }
        TenantId tenant = new TenantId(key.get().tenant());
        byte[] raw = body;
        return TenantContext.callAs(
                tenant.value(), () -> tx.execute(s -> store(tenant, key.get().id(), headers, raw)));
    }

    private IngestReceipt store(TenantId tenant, UUID siteId, Map<String, String> headers, byte[] body) {
        Site site = sites.findByTenantIdAndId(tenant, siteId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No site has this ingest key"));
        Instant now = clock.instant();
        List<String> secrets = site.sealedSecrets(now).stream()
                .map(value -> cipher.open(value, Site.secretContext(tenant, siteId)))
                .toList();
        try {
            Signatures.verify(site.auth(), headers, body, secrets, now);
        } catch (Signatures.Refused e) {
            log.info("Refused a request for site {} of workspace {}: {}", siteId, tenant.value(), e.getMessage());
            throw ApiException.unauthorized(e.getMessage());
        }
        String text = utf8(body);
        String deliveryId = deliveryId(site.auth(), headers, text);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String v = headers.get(name);
            if (v != null) {
                kept.put(name, v.length() > 500 ? v.substring(0, 500) : v);
            }
        }
        boolean paused = site.status() == SiteStatus.PAUSED;
        SiteEventStatus status = paused ? SiteEventStatus.IGNORED : SiteEventStatus.RECEIVED;
        Optional<UUID> id = store.insert(
                tenant,
                siteId,
                deliveryId,
                now,
                kept,
                text,
                status,
                paused ? "The site was paused when this arrived; reprocess it to use it" : null);
        if (id.isEmpty()) {
            SiteEventView first = store.byDelivery(tenant, siteId, deliveryId).orElseThrow();
            return new IngestReceipt(first.id(), first.status(), true);
        }
        Actor actor = Actor.system();
        events.publishEvent(new SiteEventReceived(tenant.value(), id.get(), siteId, site.name(), status, actor));
        if (!paused) {
            queue.enqueue(tenant, id.get(), 1);
            arrived(tenant, site, now, actor);
        }
        return new IngestReceipt(id.get(), status, false);
    }

    /** Moves the site's last event time forward, and a WAITING, SILENT or ERROR site to CONNECTED (said once). */
    private void arrived(TenantId tenant, Site site, Instant now, Actor actor) {
        SiteStatus was = site.status();
        if (was == SiteStatus.WAITING || was == SiteStatus.SILENT || was == SiteStatus.ERROR) {
            int changed = jdbc.sql("update sites set status = 'CONNECTED', silent_since = null, last_event_at = ?, "
                            + "version = version + 1, updated_at = ? where tenant_id = ? and id = ? and status = ?")
                    .params(Timestamp.from(now), Timestamp.from(now), tenant.value(), site.id(), was.name())
                    .update();
            if (changed == 1) {
                events.publishEvent(
                        was == SiteStatus.WAITING
                                ? new SiteConnected(tenant.value(), site.id(), site.name(), actor)
                                : new SiteDataResumed(tenant.value(), site.id(), site.name(), was, now, actor));
                return;
            }
        }
        // at most one write a second per site, so a burst of events does not queue on the site's row
        jdbc.sql("update sites set last_event_at = ? where tenant_id = ? and id = ? "
                        + "and (last_event_at is null or last_event_at < ?)")
                .params(Timestamp.from(now), tenant.value(), site.id(), Timestamp.from(now.minusSeconds(1)))
                .update();
    }

    private String deliveryId(SiteAuth auth, Map<String, String> headers, String body) {
        for (String header : List.of("webhook-id", "idempotency-key")) {
            String v = headers.get(header);
            if (v != null && !v.isBlank()) {
                return PayloadMapper.clip(v.trim(), 200);
            }
        }
        if (auth == SiteAuth.TYPEFORM || auth == SiteAuth.WEBFLOW) {
            try {
                JsonNode root = json.readTree(body);
                return root == null
                        ? null
                        : PayloadMapper.deliveryId(auth, root).orElse(null);
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                return null;
            }
        }
        return null;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString()
                    .replace("\u0000", "");
        } catch (CharacterCodingException e) {
            throw ApiException.invalidField("body", "must be UTF-8 text (JSON)");
        }
    }
}
