package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Company data of a workspace keyed by email domain ({@code company_data}): what enrichment looks leads up in.
 */
@Service
public class CompanyDirectory {

    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9.-]+\\.[a-z]{2,}$");
    private static final String COLUMNS =
            "id, domain, name, industry, size, employees, city, country, timezone, " + "website, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    CompanyDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The company behind an email address's domain, if the workspace knows it. */
    @Transactional(readOnly = true)
    public Optional<CompanyView> forEmail(TenantId tenant, String email) {
        String domain = domainOf(email);
        if (domain == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from company_data where tenant_id = ? and domain = ?")
                .params(tenant.value(), domain)
                .query(CompanyDirectory::view)
                .optional();
    }

    /**
     * The companies behind these email addresses' domains, in one query: keyed by the address as given; addresses
     * whose domain the workspace does not know are absent.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, CompanyView> forEmails(TenantId tenant, java.util.Collection<String> emails) {
        java.util.Map<String, java.util.List<String>> byDomain = new java.util.HashMap<>();
        for (String email : emails) {
            String domain = domainOf(email);
            if (domain != null) {
                byDomain.computeIfAbsent(domain, d -> new java.util.ArrayList<>())
                        .add(email);
            }
        }
        if (byDomain.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, CompanyView> out = new java.util.HashMap<>();
        jdbc.sql("select " + COLUMNS + " from company_data where tenant_id = :tenant and domain = any(:domains)")
                .param("tenant", tenant.value())
                .param("domains", byDomain.keySet().toArray(String[]::new))
                .query(CompanyDirectory::view)
                .list()
                .forEach(c ->
                        byDomain.getOrDefault(c.domain(), java.util.List.of()).forEach(e -> out.put(e, c)));
        return out;
    }

    /** Creates or replaces the company of a domain; 400 naming the field for a bad domain or missing name. */
    @Transactional
    public CompanyView save(TenantId tenant, CompanyView company) {
        String domain =
                company.domain() == null ? null : company.domain().trim().toLowerCase(Locale.ROOT);
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw ApiException.invalidField("domain", "must be a domain name such as example.com");
        }
        if (company.name() == null || company.name().isBlank()) {
            throw ApiException.invalidField("name", "is required");
        }
        if (company.employees() != null && company.employees() < 0) {
            throw ApiException.invalidField("employees", "must not be negative");
        }
        jdbc.sql("insert into company_data (id, tenant_id, domain, name, industry, size, employees, city, country, "
                        + "timezone, website, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (tenant_id, domain) do update set name = excluded.name, industry = excluded.industry, "
                        + "size = excluded.size, employees = excluded.employees, city = excluded.city, "
                        + "country = excluded.country, timezone = excluded.timezone, website = excluded.website, "
                        + "updated_at = excluded.updated_at")
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        domain,
                        company.name().trim(),
                        company.industry(),
                        company.size(),
                        company.employees(),
                        company.city(),
                        company.country(),
                        company.timezone(),
                        company.website(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select " + COLUMNS + " from company_data where tenant_id = ? and domain = ?")
                .params(tenant.value(), domain)
                .query(CompanyDirectory::view)
                .single();
    }

    @Transactional(readOnly = true)
    public PageResult<CompanyView> list(TenantId tenant, PageQuery page) {
        long total = jdbc.sql("select count(*) from company_data where tenant_id = ?")
                .params(tenant.value())
                .query(Long.class)
                .single();
        return PageResult.of(
                jdbc.sql("select " + COLUMNS + " from company_data where tenant_id = ? order by domain "
                                + "limit ? offset ?")
                        .params(tenant.value(), page.limit(), page.offset())
                        .query(CompanyDirectory::view)
                        .list(),
                page,
                total);
    }

    static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1
                ? null
                : email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    }

    private static CompanyView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CompanyView(
                rs.getObject("id", UUID.class),
                rs.getString("domain"),
                rs.getString("name"),
                rs.getString("industry"),
                rs.getString("size"),
                (Integer) rs.getObject("employees"),
                rs.getString("city"),
                rs.getString("country"),
                rs.getString("timezone"),
                rs.getString("website"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
