package ai.revo.missioncontrol.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's pages as a signed-in person's browser gets them, without a browser: a session cookie from the login
 * form, and the page's CSRF token (its {@code csrf-token} meta tag) on every POST, as the pages' scripts send it.
 */
public final class PageClient {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_HEADER = Pattern.compile("<meta name=\"csrf-header\" content=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrfHeader;
    private String csrfToken;

    private PageClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Signs in through the login form; fails when the sign-in does not land on the home page. */
    public static PageClient signIn(int port, String email, String password) {
        PageClient c = new PageClient("http://127.0.0.1:" + port);
        HttpResponse<String> login = c.send(HttpRequest.newBuilder(URI.create(c.base + "/login")));
        Matcher token = FORM_TOKEN.matcher(login.body());
        if (!token.find()) {
            throw new AssertionError("the login form has no CSRF token");
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> home = c.send(HttpRequest.newBuilder(URI.create(c.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (!home.uri().getPath().equals("/")) {
            throw new AssertionError("sign-in ended on " + home.uri());
        }
        c.remember(home.body());
        return c;
    }

    /** A page or fragment; answers the response (status, final URI, body). */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true"));
        remember(r.body());
        return r;
    }

    /** A POST as htmx sends it: with the CSRF header, the body given with its content type. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("HX-Request", "true")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (csrfHeader != null) {
            b.header(csrfHeader, csrfToken);
        }
        return send(b);
    }

    private void remember(String body) {
        Matcher h = META_HEADER.matcher(body);
        Matcher t = META_TOKEN.matcher(body);
        if (h.find() && t.find()) {
            csrfHeader = h.group(1);
            csrfToken = t.group(1);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
