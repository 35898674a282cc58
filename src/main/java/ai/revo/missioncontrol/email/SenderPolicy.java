package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.sending.EmailSendingSettings;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which From addresses a workspace may send as: the person's own address, the configured default sender, an
 * address in one of the domains the operator allows ({@code MC_EMAIL_ALLOWED_FROM_DOMAINS}), or one of the
 * workspace's sender identities (which were checked against the same rule, or use the workspace's own relay). Without it, anyone who
 * signs up could send as any address through the operator's SMTP relay.
 */
@Component
class SenderPolicy {

    private final String defaultFrom;
    private final Set<String> domains;
    private final EmailSendingSettings identities;

    SenderPolicy(
            @Value("${mc.email.default-from:no-reply@localhost}") String defaultFrom,
            @Value("${mc.email.allowed-from-domains:}") List<String> domains,
            EmailSendingSettings identities) {
        this.identities = identities;
        this.defaultFrom = defaultFrom.trim().toLowerCase(Locale.ROOT);
        this.domains = domains.stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** 400 naming the field when {@code from} (already a valid address) is not one this actor may send as. */
    void check(String field, String from, Actor actor) {
        check(null, field, from, actor);
    }

    /** As {@link #check(String, String, Actor)}, also accepting the sender identities of {@code tenant} (if any). */
    void check(TenantId tenant, String field, String from, Actor actor) {
        if (from == null) {
            return;
        }
        String address = from.trim().toLowerCase(Locale.ROOT);
        String domain = address.substring(address.lastIndexOf('@') + 1);
        boolean own = actor != null
                && actor.type() == Actor.Type.USER
                && actor.name() != null
                && actor.name().trim().equalsIgnoreCase(address);
        if (own || address.equals(defaultFrom) || domains.contains(domain)) {
            return;
        }
        if (tenant != null && identities.identityFor(tenant, address).isPresent()) {
            return;
        }
        throw ApiException.invalidField(
                field,
                "is not a sender this workspace may use: send as your own address, "
                        + "the default sender, one of the workspace's sender identities, or an address in a domain the"
                        + " operator allows (MC_EMAIL_ALLOWED_FROM_DOMAINS)");
    }
}
