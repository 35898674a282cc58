package ai.revo.missioncontrol.sending;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A workspace's own SMTP relay. The password is held sealed; this class never sees it in clear. */
@Table("smtp_relays")
class WorkspaceRelay {

    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
                    + "|^\\[?[0-9A-Fa-f:.]+]?$");

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String host;
    private int port;
    private String username;
    private String passwordSealed;
    private boolean startTls;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    WorkspaceRelay(
            UUID id,
            TenantId tenantId,
            String host,
            int port,
            String username,
            String passwordSealed,
            boolean startTls,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.host = host;
        this.port = port;
        this.username = username;
        this.passwordSealed = passwordSealed;
        this.startTls = startTls;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static WorkspaceRelay configure(TenantId tenant, Instant now) {
        return new WorkspaceRelay(UUID.randomUUID(), tenant, null, 0, null, null, true, null, now, now);
    }

    /**
     * Sets where and how to connect. {@code sealedPassword}: null keeps the stored one, "" removes it, anything else
     * replaces it. {@link InvalidSetting} names the field of a refused value.
     */
    void set(String newHost, Integer newPort, String newUsername, String sealedPassword, boolean tls, Instant now) {
        String h = normalisedHost(newHost);
        if (newPort == null || newPort < 1 || newPort > 65535) {
            throw new InvalidSetting("port", "must be between 1 and 65535 (587 for STARTTLS, 25, or 2525)");
        }
        String user = newUsername == null || newUsername.isBlank() ? null : newUsername.trim();
        if (user != null && user.length() > 320) {
            throw new InvalidSetting("username", "must be at most 320 characters");
        }
        host = h;
        port = newPort;
        username = user;
        if (sealedPassword != null) {
            passwordSealed = sealedPassword.isEmpty() ? null : sealedPassword;
        }
        startTls = tls;
        updatedAt = now;
    }

    static String normalisedHost(String value) {
        String h = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (h.isEmpty() || !HOST.matcher(h).matches()) {
            throw new InvalidSetting("host", "must be a host name or IP address, e.g. smtp.example.com");
        }
        return h;
    }

    /**
     * A workspace admin must not aim the installation's mail client at this machine or its private network (its
     * database, Redis, cloud metadata) unless the operator allows it ({@code MC_WORKSPACE_SMTP_ALLOW_PRIVATE_HOSTS}).
     * Resolves the name: call it outside transactions.
     */
    static void refuseInternal(String host) {
        java.net.InetAddress[] addresses;
        try {
            addresses = java.net.InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
        } catch (java.net.UnknownHostException e) {
            throw new InvalidSetting("host", "could not be resolved");
        }
        for (java.net.InetAddress a : addresses) {
            byte[] raw = a.getAddress();
            boolean uniqueLocal = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
            boolean sharedOrMetadata = raw.length == 4
                    && ((raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64
                            || (raw[0] & 0xff) == 169 && (raw[1] & 0xff) == 254);
            if (a.isLoopbackAddress()
                    || a.isAnyLocalAddress()
                    || a.isSiteLocalAddress()
                    || a.isLinkLocalAddress()
                    || a.isMulticastAddress()
                    || uniqueLocal
                    || sharedOrMetadata) {
                throw new InvalidSetting(
                        "host", "is this machine or a private network, which this installation does not allow");
            }
        }
    }

    TenantId tenantId() {
        return tenantId;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String username() {
        return username;
    }

    String passwordSealed() {
        return passwordSealed;
    }

    boolean startTls() {
        return startTls;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    RelayView view() {
        return new RelayView(host, port, username, passwordSealed != null, startTls, updatedAt);
    }
}
