package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For another module's provider endpoint on a site (voice calls): find the site by its key and let the caller check
 * the request against the site's secrets valid now (the current one, and the previous one during a rotation),
 * without the secrets leaving this module's keeping longer than the check.
 */
@Service
public class SiteAccess {

    /** The site a verified request is for. */
    public record VerifiedSite(TenantId tenant, UUID siteId, String name, boolean paused, UUID campaignId) {}

    private final JdbcClient jdbc;
    private final SiteRepository sites;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;

    SiteAccess(JdbcClient jdbc, SiteRepository sites, SecretCipher cipher, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The site with key {@code siteKey} when {@code accepts} holds for one of its secrets valid now. 404 for an
     * unknown key; 401 with {@code refusal} when no secret is accepted. {@code accepts} must compare in constant
     * time; it sees each secret as the site's owner was given it.
     */
    public VerifiedSite verify(String siteKey, Predicate<String> accepts, String refusal) {
        record Key(UUID id, UUID tenant) {}
        Optional<Key> key = siteKey == null || !siteKey.matches("[a-z0-9-]{8,80}")
                ? Optional.empty()
                : jdbc.sql("select id, tenant_id from sites_site_of_key(?)")
                        .param(siteKey)
                        .query((rs, n) -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                        .optional();
        if (key.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No site has this key");
        }
        TenantId tenant = new TenantId(key.get().tenant());
        UUID siteId = key.get().id();
        Site site = TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> sites.findByTenantIdAndId(tenant, siteId).orElse(null)));
        if (site == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No site has this key");
        }
        Instant now = clock.instant();
        List<String> secrets = site.sealedSecrets(now).stream()
                .map(value -> cipher.open(value, Site.secretContext(tenant, siteId)))
                .toList();
        boolean ok = false;
        for (String secret : secrets) {
            ok |= accepts.test(secret); // no early exit: the time taken does not tell which secret matched
        }
        if (!ok) {
            throw ApiException.unauthorized(refusal);
        }
        return new VerifiedSite(tenant, siteId, site.name(), site.status() == SiteStatus.PAUSED, site.campaignId());
    }
}
