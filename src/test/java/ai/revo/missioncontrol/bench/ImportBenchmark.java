package ai.revo.missioncontrol.bench;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.PGConnection;

/**
 * A 100,000-row contact import through the product's real path, timed: the multipart upload
 * ({@code POST /api/v1/imports}), the whole-file check ({@code PUT .../mapping}) and the background run
 * ({@code POST .../start} until the import is COMPLETED), each row a new contact with a name, an email, a phone
 * (turned into E.164), a company, a title and a city. The baseline, in the same run against the same database, is
 * PostgreSQL {@code COPY} of the same rows (already normalised) into a table shaped like {@code contacts} with all
 * of its indexes (unique email and phone, trigram search, name and company), no application in between. Run by
 * {@code bench/import.sh}; not a unit test.
 *
 * <p>Arguments: baseUrl jdbcUrl rows
 */
public final class ImportBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] FIRST = {"Ada", "Grace", "Alan", "Marta", "Linus", "Hedy", "Karen", "Tim", "Barbara", "Ken"};
    static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Kowalski", "Torvalds", "Lamarr", "Jones", "Lee"};
    static final String[] COMPANY = {"Analytical Engines", "Northwind", "Acme Roofing", "Globex", "Initech"};
    static final String[] TITLE = {"Owner", "Head of Sales", "CTO", "Office Manager", "Buyer"};
    static final String[] CITY = {"Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int rows = Integer.parseInt(args[2]);
        Api api = new Api(base);
        Api.Session admin = api.signup();
        String token = admin.accessToken();

        byte[] csv = csv(rows);
        System.out.printf("RESULT file: rows=%d bytes=%d (CSV)%n", rows, csv.length);

        long t0 = System.nanoTime();
        JsonNode up = upload(base, token, csv);
        long uploaded = System.nanoTime();
        String id = up.path("id").asText();
        List<String> columns = new ArrayList<>();
        up.path("columns").forEach(c -> columns.add(c.isNull() ? null : c.asText()));
        JsonNode preview = api.put("/api/v1/imports/" + id + "/mapping", token, Map.of("columns", columns))
                .expect(200)
                .json();
        long checked = System.nanoTime();
        // Wait for the product's own signal that the import ended: its import.finished event on the live stream
        // (subscribed before the start, so it cannot be missed), not a polling loop with sleeps.
        CompletableFuture<Void> ended = new CompletableFuture<>();
        CountDownLatch connected = new CountDownLatch(1);
        HttpClient http = HttpClient.newHttpClient();
        http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream?type=import."))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith(":connected")) {
                            connected.countDown();
                        } else if (line.startsWith("data:")) {
                            try {
                                JsonNode e = JSON.readTree(line.substring(5));
                                if ("import.finished".equals(e.path("type").asText())
                                        && id.equals(e.path("entityId").asText())) {
                                    ended.complete(null);
                                }
                            } catch (Exception notAnEvent) {
                                // a line that is not an event's JSON
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        ended.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        ended.completeExceptionally(new IllegalStateException("the event stream closed"));
                    }
                }));
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event stream did not connect within 60 s");
        }
        api.post("/api/v1/imports/" + id + "/start", token, null).expect(202);
        try {
            ended.get(15, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the import did not finish within 15 minutes: "
                    + api.get("/api/v1/imports/" + id, token).expect(200).json());
        }
        long finished = System.nanoTime();
        JsonNode done = api.get("/api/v1/imports/" + id, token).expect(200).json();
        double uploadS = (uploaded - t0) / 1e9;
        double checkS = (checked - uploaded) / 1e9;
        double runS = (finished - checked) / 1e9;
        double totalS = (finished - t0) / 1e9;
        System.out.printf(
                "RESULT product: status=%s created=%d updated=%d skipped=%d failed=%d valid_in_check=%d%n",
                done.path("status").asText(),
                done.path("created").asInt(),
                done.path("updated").asInt(),
                done.path("skipped").asInt(),
                done.path("failed").asInt(),
                preview.path("valid").asInt());
        System.out.printf(
                "RESULT product: upload=%.1f s check=%.1f s run(start to COMPLETED)=%.1f s total=%.1f s "
                        + "rows_per_second(run)=%.0f rows_per_second(total)=%.0f%n",
                uploadS, checkS, runS, totalS, rows / runS, rows / totalS);

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("select count(*) from contacts where tenant_id = '"
                            + UUID.fromString(admin.tenantId()) + "'")) {
                r.next();
                System.out.printf("RESULT product: contacts_in_workspace=%d%n", r.getLong(1));
            }
            try (Statement s = db.createStatement()) {
                s.execute("drop table if exists bench_raw_contacts");
                s.execute("create table bench_raw_contacts (like contacts including defaults including constraints "
                        + "including indexes)");
            }
            StringBuilder copy = new StringBuilder(rows * 120);
            UUID tenant = UUID.fromString(admin.tenantId());
            for (int i = 0; i < rows; i++) {
                String[] r = row(i);
                copy.append(UUID.randomUUID()).append('\t').append(tenant).append('\t');
                copy.append(r[0])
                        .append('\t')
                        .append(r[1])
                        .append('\t')
                        .append(r[2].toLowerCase())
                        .append('\t');
                copy.append("+14162").append(String.format("%06d", i)).append('\t');
                copy.append(r[4])
                        .append('\t')
                        .append(r[5])
                        .append('\t')
                        .append(r[6])
                        .append('\t');
                copy.append("import\n");
            }
            long c0 = System.nanoTime();
            long copied = ((PGConnection) db.unwrap(PGConnection.class))
                    .getCopyAPI()
                    .copyIn(
                            "copy bench_raw_contacts (id, tenant_id, first_name, last_name, email, phone, company, "
                                    + "job_title, city, source) from stdin",
                            new StringReader(copy.toString()));
            double copyS = (System.nanoTime() - c0) / 1e9;
            System.out.printf(
                    "RESULT baseline: COPY of the same %d rows into a table shaped like contacts with its indexes: "
                            + "%.1f s (%.0f rows/s)%n",
                    copied, copyS, copied / copyS);
            System.out.printf(
                    "RESULT ratio: product run / COPY = %.1f; product total (upload + check + run) / COPY = %.1f%n",
                    runS / copyS, totalS / copyS);
            System.out.printf(
                    "RESULT target: 100,000 rows within 60 s: %s (run %.1f s, total %.1f s for %d rows)%n",
                    totalS <= 60 * rows / 100_000.0 ? "met" : "NOT met", runS, totalS, rows);
            try (Statement s = db.createStatement()) {
                s.execute("drop table bench_raw_contacts");
            }
        }
        System.out.printf(
                "RESULT load_average=\"%s\" (1, 5 and 15 minutes, at the end of the run)%n",
                String.join(
                        " ",
                        java.util.Arrays.copyOf(
                                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                                        .split(" "),
                                3)));
        System.exit(0); // the live stream's connection is still open
    }

    static String[] row(int i) {
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length) % LAST.length];
        return new String[] {
            first,
            last,
            first + "." + last + "." + i + "@Bench-Import.example",
            "+1 (416) 2" + String.format("%02d-%04d", i / 10_000, i % 10_000),
            COMPANY[i % COMPANY.length] + " " + (i % 997),
            TITLE[i % TITLE.length],
            CITY[i % CITY.length]
        };
    }

    static byte[] csv(int rows) {
        StringBuilder b = new StringBuilder(rows * 110);
        b.append("First Name,Last Name,Email,Phone,Company,Job Title,City\n");
        for (int i = 0; i < rows; i++) {
            b.append(String.join(",", row(i))).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode upload(String base, String token, byte[] content) throws Exception {
        String boundary = "----mc" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
