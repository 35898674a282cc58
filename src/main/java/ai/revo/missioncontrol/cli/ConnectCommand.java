package ai.revo.missioncontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code connect}: registers a site on a running instance through its API (as an admin, with an API key or an email
 * and password), prints its ingest endpoint, its secret (shown once) and a ready-to-paste signed test request, then
 * waits for the site's first event to show it CONNECTED (seed 003's update protocol). Exit codes: 0 connected (or
 * registered with {@code --no-wait}), 1 refused by the instance or unreachable, 2 wrong usage, 3 no event before the
 * timeout (the site stays registered).
 */
public final class ConnectCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int TIMED_OUT = 3;

    static final String USAGE_TEXT = """
            Usage: java -jar mission-control.jar connect --site <name> --url <https://the.site> [options]

            Registers the site on a running Mission Control, prints its endpoint, secret and a test request,
            then waits until its first event shows it CONNECTED.

              --site <name>          the site's name (required)
              --url <url>            the site's address (required)
              --server <url>         the instance (default MC_SERVER, else http://localhost:8080)
              --api-key <token>      an admin's API key with read and write scopes (MC_API_KEY)
              --email <address>      or sign in as an admin (default MC_EMAIL); the password from --password,
              --password <secret>    MC_PASSWORD, or asked for on the terminal
              --auth <kind>          STANDARD_WEBHOOKS (default), SHARED_SECRET, TYPEFORM or WEBFLOW
              --secret <secret>      the provider's own secret (required for WEBFLOW)
              --purpose <text>       what the site is for
              --campaign <id>        the campaign new leads join
              --timeout <duration>   how long to wait for the first event: 30s, 10m, 1h (default 10m)
              --no-wait              register and print, do not wait
            """;

    private static final Set<String> VALUED = Set.of(
            "site",
            "url",
            "server",
            "api-key",
            "email",
            "password",
            "auth",
            "secret",
            "purpose",
            "campaign",
            "timeout");
    private static final Set<String> FLAGS = Set.of("no-wait", "help");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Supplier<char[]> passwordPrompt;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Duration pollEvery;

    ConnectCommand(
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Supplier<char[]> passwordPrompt,
            Duration pollEvery) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.passwordPrompt = passwordPrompt;
        this.pollEvery = pollEvery;
    }

    /** Whether the arguments ask for this command rather than for the application. */
    public static boolean isRequested(String[] args) {
        return args.length > 0 && "connect".equals(args[0]);
    }

    /** Runs the command on the terminal; answers its exit code. */
    public static int run(String[] args) {
        Console console = System.console();
        Supplier<char[]> prompt = () -> console == null ? null : console.readPassword("Password: ");
        return new ConnectCommand(System.out, System.err, System.getenv(), prompt, Duration.ofSeconds(2))
                .execute(List.of(args).subList(1, args.length));
    }

    int execute(List<String> args) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (options.containsKey("help")) {
            out.print(USAGE_TEXT);
            return OK;
        }
        for (String required : List.of("site", "url")) {
            if (blank(options.get(required))) {
                err.println("--" + required + " is required");
                err.print(USAGE_TEXT);
                return USAGE;
            }
        }
        Duration timeout;
        try {
            timeout = duration(options.getOrDefault("timeout", "10m"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        String server = options.getOrDefault("server", env.getOrDefault("MC_SERVER", "http://localhost:8080"))
                .replaceAll("/+$", "");
        try {
            URI.create(server + "/").toURL();
        } catch (IllegalArgumentException | IOException e) {
            err.println("--server is not an address: " + server);
            return USAGE;
        }
        try {
            String token = token(server, options);
            if (token == null) {
                return USAGE;
            }
            JsonNode site = register(server, token, options);
            if (site == null) {
                return REFUSED;
            }
            printConnected(site);
            if (options.containsKey("no-wait")) {
                return OK;
            }
            return waitForFirstEvent(server, token, site.path("id").asText(), timeout);
        } catch (SignInRefused e) {
            return REFUSED;
        } catch (IOException e) {
            err.println("Cannot reach " + server + ": " + describe(e));
            return REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted; the site stays registered");
            return REFUSED;
        }
    }

    private String token(String server, Map<String, String> options) throws IOException, InterruptedException {
        String apiKey = options.getOrDefault("api-key", env.get("MC_API_KEY"));
        if (!blank(apiKey)) {
            return apiKey.trim();
        }
        String email = options.getOrDefault("email", env.get("MC_EMAIL"));
        if (blank(email)) {
            err.println("Give an admin's API key (--api-key or MC_API_KEY) or an admin's --email and password");
            return null;
        }
        String password = options.getOrDefault("password", env.get("MC_PASSWORD"));
        if (blank(password)) {
            char[] typed = passwordPrompt.get();
            if (typed == null || typed.length == 0) {
                err.println("No password: give --password, MC_PASSWORD, or run on a terminal to be asked");
                return null;
            }
            password = new String(typed);
        }
        ObjectNode body = json.createObjectNode().put("email", email.trim()).put("password", password);
        HttpResponse<String> response = send(server, "POST", "/api/v1/auth/login", null, body);
        if (response.statusCode() != 200) {
            err.println("Sign-in refused: " + problem(response));
            throw new SignInRefused();
        }
        return json.readTree(response.body()).path("accessToken").asText();
    }

    private JsonNode register(String server, String token, Map<String, String> options)
            throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode()
                .put("name", options.get("site").trim())
                .put("url", options.get("url").trim());
        putIfGiven(body, "purpose", options.get("purpose"));
        putIfGiven(body, "campaignId", options.get("campaign"));
        putIfGiven(body, "secret", options.get("secret"));
        String auth = options.get("auth");
        body.put("auth", blank(auth) ? "STANDARD_WEBHOOKS" : auth.trim().toUpperCase(Locale.ROOT));
        HttpResponse<String> response = send(server, "POST", "/api/v1/sites", token, body);
        if (response.statusCode() != 201) {
            err.println("The site was not registered: " + problem(response));
            return null;
        }
        return json.readTree(response.body());
    }

    private void printConnected(JsonNode site) {
        out.println("Registered \"" + site.path("name").asText() + "\" (id "
                + site.path("id").asText() + ", " + site.path("auth").asText() + ")");
        out.println("Endpoint: " + site.path("endpointUrl").asText());
        out.println(
                "Secret (shown this once; store it now): " + site.path("secret").asText());
        out.println();
        out.println("Test request (bash with curl and openssl):");
        out.println(site.path("testRequest").asText());
        out.println();
        out.flush();
    }

    private int waitForFirstEvent(String server, String token, String siteId, Duration timeout)
            throws IOException, InterruptedException {
        out.println("Waiting up to " + human(timeout) + " for the first event (Ctrl-C stops waiting; the site stays"
                + " registered) …");
        out.flush();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            HttpResponse<String> response = send(server, "GET", "/api/v1/sites/" + siteId, token, null);
            if (response.statusCode() != 200) {
                err.println("Cannot read the site: " + problem(response));
                return REFUSED;
            }
            JsonNode site = json.readTree(response.body());
            String status = site.path("status").asText();
            if (!"WAITING".equals(status)) {
                out.println("Site is " + status + "; first event at "
                        + site.path("lastEventAt").asText());
                return "CONNECTED".equals(status) ? OK : REFUSED;
            }
            if (!Instant.now().isBefore(deadline)) {
                err.println("No event arrived within " + human(timeout) + "; the site is registered and WAITING."
                        + " Send the test request above, or point the website's webhook at the endpoint.");
                return TIMED_OUT;
            }
            Thread.sleep(pollEvery.toMillis());
        }
    }

    private HttpResponse<String> send(String server, String method, String path, String token, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The API's error message (and the field errors it names), else the status. */
    private String problem(HttpResponse<String> response) {
        try {
            JsonNode error = json.readTree(response.body()).path("error");
            if (error.hasNonNull("message")) {
                String details = error.path("details").isMissingNode()
                                || error.path("details").isNull()
                        ? ""
                        : " " + error.path("details");
                return error.path("message").asText() + " (" + response.statusCode() + " "
                        + error.path("code").asText() + ")" + details;
            }
        } catch (IOException notJson) {
            // fall through: the status alone
        }
        return "HTTP " + response.statusCode();
    }

    static Map<String, String> parse(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name) && value == null) {
                options.put(name, "true");
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.put(name, value);
            } else {
                throw new IllegalArgumentException("Unknown option: --" + name);
            }
        }
        return options;
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+[smh]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            return Duration.parse(text.trim());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("--timeout is not a duration (30s, 10m, 1h or PT10M): " + text);
        }
    }

    private static String human(Duration d) {
        if (d.toSeconds() % 3600 == 0 && d.toHours() > 0) {
            return d.toHours() + " h";
        }
        return d.toSeconds() % 60 == 0 && d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void putIfGiven(ObjectNode body, String field, String value) {
        if (!blank(value)) {
            body.put(field, value.trim());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A refused sign-in: already explained on stderr. */
    private static final class SignInRefused extends RuntimeException {
        SignInRefused() {
            super(null, null, false, false);
        }
    }
}
