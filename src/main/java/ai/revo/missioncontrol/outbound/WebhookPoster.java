package ai.revo.missioncontrol.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Posts one outbound webhook delivery (a workspace's own integration endpoint, not a message to a person, so it is
 * not a gateway decision) through the network guard, checked at every attempt: http and https only; the host is
 * resolved and every address must be public (as for {@link WebPages}), and the connection goes to exactly the
 * addresses checked; a host named in {@code MC_WEBHOOKS_ALLOWED_HOSTS} (an operator's trusted internal receiver)
 * skips the address check. No redirects are followed (a 3xx is a failed attempt), 5 s to connect, 10 s for the
 * answer, of which the first 1,000 characters are kept for the delivery log. Slow I/O: never inside a transaction.
 */
@Service
public class WebhookPoster {

    public static final String USER_AGENT = "RevoMissionControl-Webhooks/1.0";
    static final Timeout CONNECT = Timeout.ofSeconds(5);
    static final Timeout ANSWER = Timeout.ofSeconds(10);
    static final int EXCERPT = 1000;

    /** What one attempt got: a status (0 when no HTTP answer), the time it took, an excerpt, or why it failed. */
    public record Attempt(int status, long latencyMillis, String excerpt, String error) {

        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private final Set<String> allowedHosts;
    private final Predicate<InetAddress> publicAddress;

    @Autowired
    WebhookPoster(@Value("${mc.webhooks.allowed-hosts:}") String allowedHosts) {
        this(allowedHosts, WebPages::isPublic);
    }

    WebhookPoster(String allowedHosts, Predicate<InetAddress> publicAddress) {
        this.allowedHosts = Arrays.stream(allowedHosts == null ? new String[0] : allowedHosts.split(","))
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.publicAddress = publicAddress;
    }

    /**
     * Why {@code url} can never be a webhook target (its form, or a host that is an address this guard refuses),
     * or null when it may be; names resolve only at delivery time, so a name is not looked up here.
     */
    public String refusal(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String host = bare(uri.getHost());
        if (allowedHosts.contains(host)) {
            return null;
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return "localhost is not a public address (an operator can allow it with MC_WEBHOOKS_ALLOWED_HOSTS)";
        }
        if (looksLikeAddress(host)) {
            try {
                InetAddress a = InetAddress.getByName(host);
                if (!publicAddress.test(a) || (host.contains(":") && a instanceof Inet4Address)) {
                    return host + " is not a public address (an operator can allow it with MC_WEBHOOKS_ALLOWED_HOSTS)";
                }
            } catch (UnknownHostException e) {
                return "the address " + host + " is not valid";
            }
        }
        return null;
    }

    /** Posts {@code body} as JSON with {@code headers}; never throws for a network failure, it is in the answer. */
    public Attempt post(String url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        URI uri;
        InetAddress[] addresses;
        try {
            uri = parse(url);
            addresses = resolveAndCheck(bare(uri.getHost()));
        } catch (IllegalArgumentException refused) {
            return new Attempt(0, 0, null, refused.getMessage());
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        DnsResolver pinned = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                if (!name.equalsIgnoreCase(host) && !name.equalsIgnoreCase(bare(host))) {
                    throw new UnknownHostException(name + " was not checked");
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
        try (CloseableHttpClient client = client(pinned)) {
            HttpPost post = new HttpPost(uri);
            headers.forEach(post::setHeader);
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
                String excerpt = response.getEntity() == null
                        ? null
                        : excerpt(response.getEntity().getContent());
                int status = response.getCode();
                String error = status >= 300 && status < 400
                        ? "HTTP " + status + ": redirects are not followed"
                        : status >= 400 ? "HTTP " + status : null;
                return new Attempt(status, millisSince(started), excerpt, error);
            }
        } catch (IOException e) {
            return new Attempt(0, millisSince(started), null, describe(e));
        }
    }

    private InetAddress[] resolveAndCheck(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the host " + host + " was not found");
        }
        if (allowedHosts.contains(host)) {
            return addresses;
        }
        if (addresses.length == 0) {
            throw new IllegalArgumentException("the host " + host + " was not found");
        }
        if (host.contains(":") && addresses[0] instanceof Inet4Address) {
            throw new IllegalArgumentException("an IPv4-mapped IPv6 address is not allowed");
        }
        for (InetAddress a : addresses) {
            if (!publicAddress.test(a)) {
                throw new IllegalArgumentException(host + " resolves to " + a.getHostAddress()
                        + ", which is not a public address (an operator can allow the host with "
                        + "MC_WEBHOOKS_ALLOWED_HOSTS)");
            }
        }
        return addresses;
    }

    private static URI parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the URL is empty");
        }
        URI uri;
        try {
            uri = new URI(raw.strip()).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the URL is not valid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https URLs can receive webhooks");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("user names and passwords in the URL are not sent");
        }
        return uri;
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static boolean looksLikeAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+") || host.matches("0x[0-9a-f.x]+");
    }

    private static String excerpt(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while (out.size() < EXCERPT * 4 && (n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
            String text = out.toString(StandardCharsets.UTF_8);
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "timed out";
        }
        if (e instanceof UnknownHostException) {
            return "host not found";
        }
        if (e instanceof SSLException) {
            return "the secure connection failed";
        }
        if (e instanceof HttpHostConnectException) {
            return "connection refused";
        }
        return "the connection failed: " + e.getClass().getSimpleName();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static CloseableHttpClient client(DnsResolver resolver) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(CONNECT)
                        .setSocketTimeout(ANSWER)
                        .build())
                .setDefaultSocketConfig(
                        SocketConfig.custom().setSoTimeout(ANSWER).build())
                .build();
        // no system properties: a proxy would connect to the host by name, past the address check
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(CONNECT)
                        .setResponseTimeout(ANSWER)
                        .build())
                .build();
    }
}
