package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site registry of a workspace: register a site (its ingest endpoint and secret, the secret answered once),
 * change it, pause or resume it, rotate its secret (the old one keeps verifying for {@code MC_SITES_SECRET_GRACE}),
 * remove it with its stored events.
 */
@Service
public class Sites {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final SiteRepository sites;
    private final SecretCipher cipher;
    private final CampaignManagement campaigns;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration grace;

    Sites(
            SiteRepository sites,
            SecretCipher cipher,
            CampaignManagement campaigns,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${mc.sites.secret-grace:24h}") Duration grace) {
        this.sites = sites;
        this.cipher = cipher;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Registers a site WAITING for its first event and answers it with its secret, in clear this once. 400 naming the
     * field for a bad value (WEBFLOW needs {@code secret}: the OAuth application's client secret Webflow signs with);
     * 404 for a campaign not in this workspace; 409 when the workspace has a site of that name.
     */
    @Transactional
    public SiteWithSecret register(TenantId tenant, SiteDetails details, Actor actor) {
        if (details == null) {
            throw ApiException.invalidField("site", "is required");
        }
        requireCampaign(tenant, details.campaignId());
        String secret = secretFor(details.auth(), details.secret());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Site site = Site.register(
                tenant,
                id,
                details,
                siteKey(details.name()),
                cipher.seal(secret, Site.secretContext(tenant, id)),
                SecretCipher.lastFour(secret),
                actor,
                now);
        try {
            return new SiteWithSecret(sites.save(site).view(now), secret);
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ApiException.conflict("The workspace already has a site named " + site.name());
            }
            throw e;
        }
    }

    /** The workspace's sites, oldest first, each with its events received today (UTC). */
    @Transactional(readOnly = true)
    public PageResult<SiteView> list(TenantId tenant, PageQuery page) {
        List<Site> all = sites.findByTenantIdOrderByCreatedAtAsc(tenant);
        Map<UUID, Long> today = new HashMap<>();
        jdbc.sql("select site_id, count(*) from site_events where tenant_id = ? and received_at >= ? group by site_id")
                .params(tenant.value(), Timestamp.from(startOfDay()))
                .query(rs -> {
                    today.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        Instant now = clock.instant();
        List<SiteView> rows = all.stream()
                .skip(page.offset())
                .limit(page.limit())
                .map(s -> s.view(now).withEventsToday(today.getOrDefault(s.id(), 0L)))
                .toList();
        return PageResult.of(rows, page, all.size());
    }

    /** One site with its events received today (UTC); 404 when it is not in this workspace. */
    @Transactional(readOnly = true)
    public SiteView get(TenantId tenant, UUID id) {
        Site site = load(tenant, id);
        long today = jdbc.sql(
                        "select count(*) from site_events where tenant_id = ? and site_id = ? and received_at >= ?")
                .params(tenant.value(), id, Timestamp.from(startOfDay()))
                .query(Long.class)
                .single();
        return site.view(clock.instant()).withEventsToday(today);
    }

    /** Changes the fields given, pauses or resumes; 404 when absent; 400 naming a bad field; 409 on a name clash. */
    @Transactional
    public SiteView change(TenantId tenant, UUID id, SiteDetails details, Actor actor) {
        if (details == null) {
            throw ApiException.invalidField("site", "is required");
        }
        Site site = load(tenant, id);
        requireCampaign(tenant, details.campaignId());
        site.edit(details, actor, clock.instant());
        try {
            sites.save(site);
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ApiException.conflict("The workspace already has a site named " + details.name());
            }
            throw e;
        }
        return get(tenant, id);
    }

    /**
     * Gives the site a new secret, answered in clear this once; the previous one keeps verifying for the grace period
     * (so a sender can switch without losing events). {@code secret}, when given, is the provider's own (Webflow).
     */
    @Transactional
    public SiteWithSecret rotateSecret(TenantId tenant, UUID id, String given, Actor actor) {
        Site site = load(tenant, id);
        String secret = secretFor(site.auth(), given);
        Instant now = clock.instant();
        site.rotateSecret(
                cipher.seal(secret, Site.secretContext(tenant, id)),
                SecretCipher.lastFour(secret),
                now.plus(grace),
                actor,
                now);
        sites.save(site);
        return new SiteWithSecret(get(tenant, id), secret);
    }

    /** Removes the site and its stored events (contacts and leads made from them stay); its endpoint answers 404. */
    @Transactional
    public void remove(TenantId tenant, UUID id, Actor actor) {
        Site site = load(tenant, id);
        jdbc.sql("delete from sites where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .update();
        events.publishEvent(site.removed(actor));
    }

    Site load(TenantId tenant, UUID id) {
        return sites.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Site", id));
    }

    private void requireCampaign(TenantId tenant, UUID campaignId) {
        if (campaignId != null) {
            campaigns.get(tenant, campaignId);
        }
    }

    private static String secretFor(SiteAuth auth, String given) {
        if (given != null && !given.isBlank()) {
            String s = given.trim();
            if (s.length() < 16 || s.length() > 500 || s.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.invalidField("secret", "must be 16 to 500 characters without control characters");
            }
            return s;
        }
        if (auth == SiteAuth.WEBFLOW) {
            throw ApiException.invalidField(
                    "secret",
                    "is required for WEBFLOW: the client secret of the Webflow OAuth application whose webhook signs"
                            + " the requests");
        }
        return Signatures.newSecret(auth == null ? SiteAuth.SHARED_SECRET : auth);
    }

    /** A readable, unguessable key: the name's slug and 12 random characters ({@code prime-electrical-k3m9…}). */
    static String siteKey(String name) {
        String slug = name == null
                ? ""
                : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        StringBuilder key = new StringBuilder(slug.isEmpty() ? "site" : slug).append('-');
        for (int i = 0; i < 12; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    private Instant startOfDay() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}
