package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.outbound.WebPageRefused.Reason;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Fetches one public web page for the knowledge base, guarded because a URL typed by a user is an open door to the
 * network: http and https only; the host is resolved and every address checked (loopback, private, link-local,
 * unique-local, multicast, unspecified, shared and IPv4-mapped or -compatible IPv6 are refused), and the connection
 * goes to exactly the addresses checked (the client's DNS resolver answers from the check, so a second lookup cannot
 * be rebound); every redirect is checked again (at most 5); robots.txt is honoured for our user agent; 10 s to
 * connect and between bytes, 30 s in all, 10 MB at most; only HTML or text content types. Each refusal is a
 * {@link WebPageRefused}. {@code MC_KNOWLEDGE_ALLOW_PRIVATE_HOSTS} lifts the address check (tests against a local
 * server, an intranet installation); it is off by default.
 */
@Service
public class WebPages {

    private static final Logger log = LoggerFactory.getLogger(WebPages.class);

    public static final String USER_AGENT = "RevoMissionControl/1.0 (knowledge base; +robots.txt honoured)";
    /** The product token matched against robots.txt user-agent lines. */
    public static final String ROBOT_NAME = "revomissioncontrol";

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_REDIRECTS = 5;
    static final Timeout TIMEOUT = Timeout.ofSeconds(10);
    static final long TOTAL_MILLIS = 30_000;
    static final Set<String> TEXT_TYPES =
            Set.of("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown");

    private final Predicate<InetAddress> allowed;

    @Autowired
    WebPages(@Value("${mc.knowledge.allow-private-hosts:false}") boolean allowPrivateHosts) {
        this(allowPrivateHosts ? a -> true : WebPages::isPublic);
        if (allowPrivateHosts) {
            log.warn("Knowledge URL fetches may reach this machine and private networks "
                    + "(MC_KNOWLEDGE_ALLOW_PRIVATE_HOSTS=true)");
        }
    }

    /** A fetcher that connects only to the addresses {@code allowed} accepts (tests pick exactly one). */
    WebPages(Predicate<InetAddress> allowed) {
        this.allowed = allowed;
    }

    /**
     * Fetches {@code url} through the guard. Slow I/O: never call it inside a database transaction.
     *
     * @throws WebPageRefused naming the reason when the address or the page is refused
     */
    public WebPage fetch(String url) {
        URI requested = parse(url, Reason.INVALID_URL);
        Map<String, InetAddress[]> checked = new HashMap<>();
        DnsResolver pinned = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = checked.get(host.toLowerCase(Locale.ROOT));
                if (addresses == null) {
                    throw new UnknownHostException(host + " was not checked");
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        long deadline = System.currentTimeMillis() + TOTAL_MILLIS;
        try (CloseableHttpClient client = client(pinned)) {
            Map<String, BaseRobotRules> robots = new HashMap<>();
            URI current = requested;
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                String host = current.getHost().toLowerCase(Locale.ROOT);
                checked.computeIfAbsent(host, h -> resolveAndCheck(h, url));
                BaseRobotRules rules = robots.computeIfAbsent(origin(current), o -> robots(client, o, url, deadline));
                if (!rules.isAllowed(current.toString())) {
                    throw new WebPageRefused(Reason.ROBOTS_DISALLOWED, url, null);
                }
                HttpGet get = new HttpGet(current);
                get.setHeader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9");
                try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                    int status = response.getCode();
                    if (status >= 300 && status < 400 && status != 304) {
                        Header location = response.getFirstHeader("Location");
                        if (location == null) {
                            throw new WebPageRefused(Reason.HTTP_ERROR, url, "HTTP " + status + " without Location");
                        }
                        current = redirect(current, location.getValue(), url);
                        continue;
                    }
                    if (status < 200 || status >= 300) {
                        throw new WebPageRefused(Reason.HTTP_ERROR, url, "HTTP " + status);
                    }
                    HttpEntity entity = response.getEntity();
                    ContentType type = entity == null || entity.getContentType() == null
                            ? null
                            : ContentType.parseLenient(entity.getContentType());
                    String mediaType = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
                    if (!TEXT_TYPES.contains(mediaType)) {
                        throw new WebPageRefused(
                                Reason.CONTENT_TYPE_NOT_ALLOWED,
                                url,
                                mediaType.isEmpty() ? "no content type" : mediaType);
                    }
                    if (entity.getContentLength() > MAX_BYTES) {
                        throw new WebPageRefused(Reason.TOO_LARGE, url, null);
                    }
                    byte[] body = readBounded(entity.getContent(), MAX_BYTES, deadline, url);
                    Charset charset = type.getCharset();
                    return new WebPage(requested, current, mediaType, charset, body);
                }
            }
            throw new WebPageRefused(Reason.TOO_MANY_REDIRECTS, url, null);
        } catch (WebPageRefused refused) {
            throw refused;
        } catch (IOException e) {
            throw refusal(e, url);
        }
    }

    private static WebPageRefused refusal(IOException e, String url) {
        if (e instanceof InterruptedIOException) {
            return new WebPageRefused(Reason.TIMEOUT, url, null);
        }
        if (e instanceof UnknownHostException) {
            return new WebPageRefused(Reason.HOST_NOT_FOUND, url, null);
        }
        if (e instanceof SSLException) {
            return new WebPageRefused(Reason.UNREACHABLE, url, "the secure connection failed");
        }
        if (e instanceof HttpHostConnectException) {
            return new WebPageRefused(Reason.UNREACHABLE, url, "connection refused");
        }
        return new WebPageRefused(Reason.UNREACHABLE, url, null);
    }

    private static CloseableHttpClient client(DnsResolver resolver) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(TIMEOUT)
                        .setSocketTimeout(TIMEOUT)
                        .build())
                .setDefaultSocketConfig(
                        SocketConfig.custom().setSoTimeout(TIMEOUT).build())
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
                        .setConnectionRequestTimeout(TIMEOUT)
                        .setResponseTimeout(TIMEOUT)
                        .build())
                .build();
    }

    private BaseRobotRules robots(CloseableHttpClient client, String origin, String url, long deadline) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        HttpGet get = new HttpGet(origin + "/robots.txt");
        try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
            int status = response.getCode();
            if (status != 200 || response.getEntity() == null) {
                // 4xx: no rules (allowed); 5xx: the site is not answering for its rules (disallowed for now)
                return parser.failedFetch(status);
            }
            byte[] body = readBounded(response.getEntity().getContent(), 512 * 1024, deadline, url);
            String type = response.getEntity().getContentType();
            return parser.parseContent(
                    origin + "/robots.txt", body, type == null ? "text/plain" : type, List.of(ROBOT_NAME));
        } catch (IOException e) {
            throw refusal(e, url);
        }
    }

    private static byte[] readBounded(InputStream in, int max, long deadline, String url) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > max) {
                    throw new WebPageRefused(Reason.TOO_LARGE, url, null);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new WebPageRefused(Reason.TIMEOUT, url, "more than 30 seconds in all");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static URI parse(String raw, Reason invalid) {
        if (raw == null || raw.isBlank()) {
            throw new WebPageRefused(Reason.INVALID_URL, raw, "it is empty");
        }
        URI uri;
        try {
            uri = new URI(raw.strip()).normalize();
        } catch (URISyntaxException e) {
            throw new WebPageRefused(invalid, raw, null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebPageRefused(invalid == Reason.INVALID_URL ? Reason.SCHEME_NOT_ALLOWED : invalid, raw, null);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new WebPageRefused(invalid, raw, "no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebPageRefused(invalid, raw, "user names and passwords in the address are not sent");
        }
        return uri;
    }

    private static URI redirect(URI from, String location, String url) {
        URI target;
        try {
            target = from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new WebPageRefused(Reason.BAD_REDIRECT, url, null);
        }
        return parse(target.toString(), Reason.BAD_REDIRECT);
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    private InetAddress[] resolveAndCheck(String host, String url) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new WebPageRefused(Reason.HOST_NOT_FOUND, url, null);
        }
        if (addresses.length == 0) {
            throw new WebPageRefused(Reason.HOST_NOT_FOUND, url, null);
        }
        if (bare.contains(":") && addresses[0] instanceof Inet4Address) {
            // Java folds an IPv4-mapped IPv6 literal ([::ffff:a.b.c.d]) into the IPv4 address: refuse the literal
            // itself
            throw new WebPageRefused(Reason.ADDRESS_NOT_ALLOWED, url, "an IPv4-mapped IPv6 address");
        }
        for (InetAddress a : addresses) {
            if (!allowed.test(a)) {
                throw new WebPageRefused(Reason.ADDRESS_NOT_ALLOWED, url, a.getHostAddress());
            }
        }
        return addresses;
    }

    /** True for an address on the public internet; false for this machine, private and special-purpose ranges. */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second <= 127) // shared address space (carrier NAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            boolean firstTenZero = true;
            for (int i = 0; i < 10; i++) {
                firstTenZero &= b[i] == 0;
            }
            if (firstTenZero && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                return false; // IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d)
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // documentation 2001:db8::/32
            }
            return !((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b);
        }
        return false;
    }
}
