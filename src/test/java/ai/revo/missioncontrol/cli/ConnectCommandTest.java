package ai.revo.missioncontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jar's {@code connect} command against a running instance: it registers the site through the API, prints the
 * endpoint, the secret and a signed test request, and waits for the first event. The printed request is run with
 * bash, curl and openssl as a person would paste it (its address is MC_PUBLIC_URL's, here swapped for the test
 * server's), so a wrong signature recipe fails here.
 */
class ConnectCommandTest extends IntegrationTest {

    /** What one run of the command printed, and its exit code. */
    record Run(int exit, String out, String err) {}

    /** A command running in the background, its output readable while it waits. */
    static final class Running {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CompletableFuture<Integer> exit;

        Running(List<String> args, Map<String, String> env) {
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            ConnectCommand command = new ConnectCommand(o, e, env, () -> null, Duration.ofMillis(200));
            exit = CompletableFuture.supplyAsync(() -> command.execute(args));
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        Run finish() throws Exception {
            int code = exit.get(60, TimeUnit.SECONDS);
            return new Run(code, out(), err.toString(StandardCharsets.UTF_8));
        }
    }

    private String server() {
        return "http://127.0.0.1:" + port;
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        return new Running(List.of(args), env).finish();
    }

    @Test
    void signsInRegistersPrintsATestRequestAndSeesTheSiteConnectedWhenItIsSent() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String name = "Prime Electrical " + UUID.randomUUID();
        Running running = new Running(
                List.of(
                        "--server",
                        server(),
                        "--email",
                        admin.email(),
                        "--site",
                        name,
                        "--url",
                        "https://prime-electrical.example",
                        "--purpose",
                        "Quote requests",
                        "--timeout",
                        "2m"),
                Map.of("MC_PASSWORD", admin.password()));

        await().atMost(Duration.ofSeconds(30))
                .failFast(() -> running.exit.isDone())
                .until(() -> running.out().contains("Waiting up to 2 min"));
        String printed = running.out();
        assertThat(printed).contains("Registered \"" + name + "\"", "STANDARD_WEBHOOKS", "/api/v1/ingest/");
        assertThat(printed).containsPattern("Secret \\(shown this once; store it now\\): whsec_\\S+");
        assertThat(running.exit).isNotDone();

        String request = testRequestIn(printed);
        assertThat(runBash(request)).isZero();

        Run done = running.finish();
        assertThat(done.exit()).as(done.err()).isEqualTo(ConnectCommand.OK);
        assertThat(done.out()).contains("Site is CONNECTED; first event at ");
        var site = api.get("/api/v1/sites", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .get(0);
        assertThat(site.path("name").asText()).isEqualTo(name);
        assertThat(site.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(site.path("purpose").asText()).isEqualTo("Quote requests");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHARED_SECRET", "TYPEFORM", "WEBFLOW"})
    void withAnApiKeyAndNoWaitTheTestRequestOfEachAuthenticationIsAccepted(String auth) throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String key = api.post(
                        "/api/v1/api-keys",
                        admin.accessToken(),
                        Map.of("name", "connect script", "scopes", List.of("read", "write"), "expiresInDays", 1))
                .expect(201)
                .json()
                .path("token")
                .asText();
        List<String> args = new ArrayList<>(List.of(
                "--server=" + server(),
                "--site",
                "Site " + auth,
                "--url",
                "https://x.example",
                "--auth",
                auth,
                "--no-wait"));
        if (auth.equals("WEBFLOW")) {
            args.addAll(List.of("--secret", "webflow-client-secret-" + UUID.randomUUID()));
        }
        Run done = new Running(args, Map.of("MC_API_KEY", key)).finish();
        assertThat(done.exit()).as(done.err()).isEqualTo(ConnectCommand.OK);
        assertThat(done.out()).contains(auth).doesNotContain("Waiting");

        assertThat(runBash(testRequestIn(done.out()))).isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/sites", admin.accessToken())
                        .json()
                        .path("data")
                        .get(0)
                        .path("status")
                        .asText()
                        .equals("CONNECTED"));
    }

    @Test
    void refusalsSayWhatIsWrongAndRegisterNothing() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");

        Run usage = run(Map.of(), "--server", server(), "--site", "No URL");
        assertThat(usage.exit()).isEqualTo(ConnectCommand.USAGE);
        assertThat(usage.err()).contains("--url is required", "Usage: java -jar mission-control.jar connect");

        Run unknown = run(Map.of(), "--site", "a", "--url", "https://a.example", "--colour", "red");
        assertThat(unknown.exit()).isEqualTo(ConnectCommand.USAGE);
        assertThat(unknown.err()).contains("Unknown option: --colour");

        Run noCredentials = run(Map.of(), "--server", server(), "--site", "a", "--url", "https://a.example");
        assertThat(noCredentials.exit()).isEqualTo(ConnectCommand.USAGE);
        assertThat(noCredentials.err()).contains("API key");

        Run badTimeout = run(Map.of(), "--site", "a", "--url", "https://a.example", "--timeout", "soon");
        assertThat(badTimeout.exit()).isEqualTo(ConnectCommand.USAGE);
        assertThat(badTimeout.err()).contains("--timeout is not a duration");

        Run wrongPassword = run(
                Map.of(),
                "--server",
                server(),
                "--email",
                admin.email(),
                "--password",
                "not-the-password-1",
                "--site",
                "a",
                "--url",
                "https://a.example");
        assertThat(wrongPassword.exit()).isEqualTo(ConnectCommand.REFUSED);
        assertThat(wrongPassword.err()).contains("Sign-in refused:", "401");

        Run notAdmin = run(
                Map.of("MC_PASSWORD", operator.password()),
                "--server",
                server(),
                "--email",
                operator.email(),
                "--site",
                "a",
                "--url",
                "https://a.example");
        assertThat(notAdmin.exit()).isEqualTo(ConnectCommand.REFUSED);
        assertThat(notAdmin.err()).contains("The site was not registered:", "403");

        Run badUrl = run(
                Map.of("MC_PASSWORD", admin.password()),
                "--server",
                server(),
                "--email",
                admin.email(),
                "--site",
                "a",
                "--url",
                "not a url");
        assertThat(badUrl.exit()).isEqualTo(ConnectCommand.REFUSED);
        assertThat(badUrl.err()).contains("The site was not registered:", "400");

        Run unreachable = run(
                Map.of("MC_API_KEY", "mc_pat_x"),
                "--server",
                "http://127.0.0.1:1",
                "--site",
                "a",
                "--url",
                "https://a.example");
        assertThat(unreachable.exit()).isEqualTo(ConnectCommand.REFUSED);
        assertThat(unreachable.err()).contains("Cannot reach http://127.0.0.1:1");

        assertThat(api.get("/api/v1/sites", admin.accessToken()).json().path("data"))
                .isEmpty();
    }

    @Test
    void withoutAnEventBeforeTheTimeoutItSaysSoAndTheSiteStaysWaiting() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Run done = run(
                Map.of("MC_PASSWORD", admin.password()),
                "--server",
                server(),
                "--email",
                admin.email(),
                "--site",
                "Quiet site",
                "--url",
                "https://quiet.example",
                "--timeout",
                "1s");
        assertThat(done.exit()).as(done.out() + done.err()).isEqualTo(ConnectCommand.TIMED_OUT);
        assertThat(done.err()).contains("No event arrived within 1 s", "WAITING");
        var site = api.get("/api/v1/sites", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .get(0);
        assertThat(site.path("status").asText()).isEqualTo("WAITING");
    }

    /** The printed test request, addressed to the test server instead of MC_PUBLIC_URL's default. */
    private String testRequestIn(String printed) {
        String start = "Test request (bash with curl and openssl):\n";
        int from = printed.indexOf(start) + start.length();
        int to = printed.indexOf("\n\n", from);
        assertThat(from).isGreaterThan(start.length() - 1);
        return printed.substring(from, to).replace("http://localhost:8080", server());
    }

    private static int runBash(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "set -e\n" + script + "\necho")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the test request's answer").doesNotContain("\"error\"");
        return p.exitValue();
    }
}
