package ai.revo.missioncontrol.bench;

import ai.revo.missioncontrol.support.Api;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Global search latency at N contacts: seeds one workspace with N contacts (a fifth of them leads of a campaign)
 * straight into PostgreSQL, then times {@code GET /api/v1/search?q=} for a mix of queries (a name, a surname and a
 * first name in either order, an exact email, a company fragment, phone digits, a query matching nothing), one at
 * a time. The baseline runs the same six SQL statements the search sources run (contacts, leads, campaigns,
 * drafts, templates, emails) over one plain JDBC connection, no HTTP and no Spring, in the same run against the
 * same database. Run by {@code bench/search.sh}; not a unit test.
 *
 * <p>Arguments: baseUrl jdbcUrl contacts rounds
 */
public final class SearchBenchmark {

    static final String[] FIRST = {"Ada", "Grace", "Alan", "Marta", "Linus", "Hedy", "Karen", "Tim", "Barbara", "Ken"};
    static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Kowalski", "Torvalds", "Lamarr", "Jones", "Lee"};
    static final String[] COMPANY = {"Analytical Engines", "Northwind", "Acme Roofing", "Globex", "Initech", "Umbrella"
    };

    static final String TEXT = "lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '') || ' ' "
            + "|| coalesce(c.email, '') || ' ' || coalesce(c.company, '') || ' ' || coalesce(c.phone, ''))";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int contacts = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Api api = new Api(base);
        Api.Session admin = api.signup();
        UUID tenant = UUID.fromString(admin.tenantId());
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Search bench"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            long seeded = System.nanoTime();
            seed(db, tenant, UUID.fromString(campaign), contacts);
            System.out.printf(
                    "RESULT seeded contacts=%d leads=%d in %.1f s%n",
                    contacts, contacts / 5, (System.nanoTime() - seeded) / 1e9);

            List<String> queries = List.of(
                    "lovelace", // many matches
                    "marta kowalski 4242", // words in any order, few matches
                    "ada.lovelace.77@northwind.example", // exact email
                    "globe", // company fragment
                    "416 555 0012", // phone digits
                    "hopper grace", // reversed name
                    "zzqx-nothing"); // nothing
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 30; i++) {
                product(http, base, admin.accessToken(), queries.get(i % queries.size()));
                baseline(db, tenant, queries.get(i % queries.size()));
            }
            long[] productMs = new long[rounds * queries.size()];
            long[] baselineMs = new long[rounds * queries.size()];
            long[][] perQuery = new long[queries.size()][rounds];
            int k = 0;
            for (int r = 0; r < rounds; r++) {
                for (int j = 0; j < queries.size(); j++) {
                    String q = queries.get(j);
                    productMs[k] = product(http, base, admin.accessToken(), q);
                    perQuery[j][r] = productMs[k];
                    baselineMs[k] = baseline(db, tenant, q);
                    k++;
                }
            }
            for (int j = 0; j < queries.size(); j++) {
                Arrays.sort(perQuery[j]);
                System.out.printf(
                        "RESULT   query \"%s\": p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
                        queries.get(j),
                        pct(perQuery[j], 50) / 1e6,
                        pct(perQuery[j], 95) / 1e6,
                        perQuery[j][rounds - 1] / 1e6);
            }
            Arrays.sort(productMs);
            Arrays.sort(baselineMs);
            double p50 = pct(productMs, 50) / 1e6;
            double p95 = pct(productMs, 95) / 1e6;
            double b50 = pct(baselineMs, 50) / 1e6;
            double b95 = pct(baselineMs, 95) / 1e6;
            System.out.printf(
                    "RESULT search GET /api/v1/search (6 sources, HTTP, auth, RLS): n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                    productMs.length, p50, p95, pct(productMs, 99) / 1e6, productMs[productMs.length - 1] / 1e6);
            System.out.printf(
                    "RESULT baseline raw SQL (same 6 statements, one JDBC connection): p50=%.1f ms p95=%.1f ms p99=%.1f ms%n",
                    b50, b95, pct(baselineMs, 99) / 1e6);
            System.out.printf("RESULT ratio product/baseline: p50=%.2f p95=%.2f%n", p50 / b50, p95 / b95);
            System.out.printf("RESULT target p95 <= 100 ms: %s%n", p95 <= 100 ? "met" : "NOT met");
            System.out.printf(
                    "RESULT load_average=\"%s\" (1, 5 and 15 minutes, at the end of the run)%n",
                    String.join(
                            " ",
                            Arrays.copyOf(
                                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                                            .split(" "),
                                    3)));
        }
    }

    static void seed(Connection db, UUID tenant, UUID campaign, int contacts) throws Exception {
        try (PreparedStatement s = db.prepareStatement("""
                insert into contacts (id, tenant_id, first_name, last_name, email, phone, company, source)
                select gen_random_uuid(), ?,
                       (?::text[])[1 + n % 10], (?::text[])[1 + (n / 10) % 8],
                       lower((?::text[])[1 + n % 10] || '.' || (?::text[])[1 + (n / 10) % 8] || '.' || n || '@'
                             || replace(lower((?::text[])[1 + (n / 80) % 6]), ' ', '') || '.example'),
                       '+1416' || lpad((5550000 + n)::text, 7, '0'),
                       (?::text[])[1 + (n / 80) % 6] || ' ' || (n / 480), 'bench'
                from generate_series(1, ?) n
                """)) {
            var first = db.createArrayOf("text", FIRST);
            var last = db.createArrayOf("text", LAST);
            var company = db.createArrayOf("text", COMPANY);
            s.setObject(1, tenant);
            s.setArray(2, first);
            s.setArray(3, last);
            s.setArray(4, first);
            s.setArray(5, last);
            s.setArray(6, company);
            s.setArray(7, company);
            s.setInt(8, contacts);
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("""
                insert into leads (id, tenant_id, campaign_id, contact_id, status)
                select gen_random_uuid(), tenant_id, ?, id, 'NEW' from contacts
                where tenant_id = ? and source = 'bench' and random() < 0.2
                """)) {
            s.setObject(1, campaign);
            s.setObject(2, tenant);
            s.executeUpdate();
        }
        try (var s = db.createStatement()) {
            s.execute("analyze contacts");
            s.execute("analyze leads");
        }
    }

    static long product(HttpClient http, String base, String token, String q) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(
                                base + "/api/v1/search?limit=5&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
        }
        return took;
    }

    /** The statements of the six sources, as the product sends them (same patterns, same limits). */
    static long baseline(Connection db, UUID tenant, String q) throws Exception {
        String text = q.strip().toLowerCase();
        List<String> words = Arrays.stream(text.split("[^\\p{L}\\p{N}@._+-]+"))
                .filter(w -> !w.isEmpty())
                .toList();
        String digits = text.matches("[0-9+()\\-. ]+") ? text.replaceAll("[^0-9]", "") : null;
        long start = System.nanoTime();
        List<Object> params = new ArrayList<>();
        StringBuilder all = new StringBuilder("(");
        for (int i = 0; i < words.size(); i++) {
            all.append(i == 0 ? "" : " and ").append(TEXT).append(" like ?");
            params.add("%" + words.get(i) + "%");
        }
        all.append(")");
        String where = all.toString();
        if (digits != null && digits.length() >= 4) {
            where = "(" + where + " or " + TEXT + " like ?)";
            params.add("%" + digits + "%");
        }
        if (text.contains("@")) {
            run(db, "select c.id, c.first_name from contacts c where c.tenant_id = ? and c.email = ?", tenant, text);
        }
        List<Object> p = new ArrayList<>(params);
        run(
                db,
                "select c.id, c.first_name, c.last_name, c.email, c.company, c.phone from contacts c "
                        + "where c.tenant_id = ? and c.deleted_at is null and " + where + " limit 5",
                prepend(tenant, p));
        run(
                db,
                "select l.id, l.contact_id, l.status, c.first_name from contacts c join leads l on "
                        + "l.tenant_id = c.tenant_id and l.contact_id = c.id where c.tenant_id = ? and "
                        + "c.deleted_at is null and " + where + " limit 5",
                prepend(tenant, p));
        List<Object> like = new ArrayList<>();
        StringBuilder campaigns = new StringBuilder();
        StringBuilder templates = new StringBuilder();
        StringBuilder emails = new StringBuilder();
        for (String w : words) {
            campaigns.append(" and lower(name) like ?");
            templates.append(" and lower(title || ' ' || subject || ' ' || category) like ?");
            emails.append(" and lower(to_email || ' ' || subject) like ?");
            like.add("%" + w + "%");
        }
        run(
                db,
                "select id, name from campaigns where tenant_id = ?" + campaigns
                        + " order by status = 'ARCHIVED', updated_at desc limit 5",
                prepend(tenant, like));
        String ts = String.join(
                " & ",
                words.stream()
                        .map(w -> w.replaceAll("[^\\p{L}\\p{N}]", ""))
                        .filter(w -> !w.isEmpty())
                        .map(w -> w + ":*")
                        .toList());
        run(
                db,
                "select id, subject from drafts where tenant_id = ? and to_tsvector('simple', coalesce(subject, '') "
                        + "|| ' ' || body_text) @@ to_tsquery('simple', ?) limit 5",
                tenant,
                ts);
        run(
                db,
                "select id, title from email_templates where tenant_id = ?" + templates + " limit 5",
                prepend(tenant, like));
        run(db, "select id, subject from emails where tenant_id = ?" + emails + " limit 5", prepend(tenant, like));
        return System.nanoTime() - start;
    }

    static Object[] prepend(UUID tenant, List<Object> params) {
        List<Object> all = new ArrayList<>();
        all.add(tenant);
        all.addAll(params);
        return all.toArray();
    }

    static void run(Connection db, String sql, Object... params) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
