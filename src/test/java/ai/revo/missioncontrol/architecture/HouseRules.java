package ai.revo.missioncontrol.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.transaction.annotation.Transactional;

/**
 * The house rules of shared/STYLE.md that Spring Modulith does not check, written so that a test can run each one on
 * a fixture package with a deliberate violation ({@code ai.revo.archfixture}) as well as on the application.
 * {@code moduleOf} names the module a class belongs to (the package segment below the root).
 */
public final class HouseRules {

    private HouseRules() {}

    /** Provider SDKs: the mail transport and HTTP clients. Parsing an address ({@code InternetAddress}) is not one. */
    static final List<String> PROVIDER_SDKS = List.of(
            "jakarta.mail.Transport",
            "jakarta.mail.Session",
            "jakarta.mail.internet.MimeMessage",
            "org.springframework.mail.",
            "java.net.http.HttpClient",
            "java.net.HttpURLConnection",
            "org.springframework.web.client.RestTemplate",
            "org.springframework.web.client.RestClient",
            "org.springframework.web.reactive.function.client.",
            "okhttp3.",
            "org.apache.hc.",
            "org.apache.http.");

    /** The language model's SDK, kept inside the ai module's gateway (the one door to a model). */
    static final String MODEL_SDK = "dev.langchain4j.";

    /** Provider SDKs (mail transport, HTTP clients) are used only in {@code outbound}. */
    public static ArchRule providerSdksOnlyIn(String module, Function<JavaClass, String> moduleOf) {
        return providerSdksOnlyIn(Set.of(module), moduleOf);
    }

    /**
     * The same with more than one module allowed: {@code outbound}, and {@code cli}, whose commands are clients of
     * this product's own API on a running instance (never of a provider).
     */
    public static ArchRule providerSdksOnlyIn(Set<String> modules, Function<JavaClass, String> moduleOf) {
        return ArchRuleDefinition.noClasses()
                .that(
                        new DescribedPredicate<JavaClass>(
                                "are outside the " + String.join(", ", new java.util.TreeSet<>(modules)) + " modules") {
                            @Override
                            public boolean test(JavaClass c) {
                                return !modules.contains(moduleOf.apply(c));
                            }
                        })
                .should()
                .dependOnClassesThat(
                        new DescribedPredicate<JavaClass>("are provider SDKs (mail transport, HTTP clients)") {
                            @Override
                            public boolean test(JavaClass c) {
                                return PROVIDER_SDKS.stream()
                                        .anyMatch(p -> c.getName().equals(p)
                                                || c.getName().startsWith(p));
                            }
                        })
                .because("every message leaves through the OutboundGateway, which asks safety first");
    }

    /** The model SDK is used only in the {@code ai} module (its LlmGateway logs, budgets and bounds every call). */
    public static ArchRule modelSdkOnlyIn(String module, Function<JavaClass, String> moduleOf) {
        return ArchRuleDefinition.noClasses()
                .that(new DescribedPredicate<JavaClass>("are outside the " + module + " module") {
                    @Override
                    public boolean test(JavaClass c) {
                        return !module.equals(moduleOf.apply(c));
                    }
                })
                .should()
                .dependOnClassesThat()
                .resideInAPackage(MODEL_SDK + ".")
                .because("every model call goes through the LlmGateway");
    }

    /**
     * No {@code @Transactional} method (or method of a {@code @Transactional} class) calls one of {@code gateways}
     * directly: their calls are slow I/O and must not hold a database transaction open.
     */
    public static ArchRule noTransactionalMethodCalls(Set<String> gateways) {
        return ArchRuleDefinition.methods()
                .that(new DescribedPredicate<JavaMethod>("are transactional") {
                    @Override
                    public boolean test(JavaMethod m) {
                        return transactional(m);
                    }
                })
                .should(new ArchCondition<JavaMethod>("not call the gateways " + gateways) {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (gateways.contains(method.getOwner().getName())) {
                            return; // the gateway's own bookkeeping
                        }
                        for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                            String target = call.getTargetOwner().getName();
                            if (gateways.contains(target)) {
                                events.add(SimpleConditionEvent.violated(
                                        method,
                                        method.getFullName() + " is @Transactional and calls " + target + "."
                                                + call.getName() + " (" + call.getSourceCodeLocation() + ")"));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    static boolean transactional(JavaMethod m) {
        if (m.isAnnotatedWith(Transactional.class)) {
            return true;
        }
        boolean classLevel = m.getOwner().isAnnotatedWith(Transactional.class);
        return classLevel
                && m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                && !m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC);
    }

    /**
     * Every class that uses JdbcClient (or a JdbcTemplate) on a tenant-owned table lives in the module that owns the
     * table. Tables and owners come from the migrations: {@code V0008__contacts_create_...sql} makes the tables it
     * creates the {@code contacts} module's, and a table with a {@code tenant_id} column is tenant-owned. The SQL is
     * read from the class files' string constants.
     */
    public static ArchRule tenantTablesOnlyFromTheirModule(
            Map<String, String> ownerOfTenantTable, Function<JavaClass, String> moduleOf) {
        return ArchRuleDefinition.classes()
                .that(new DescribedPredicate<JavaClass>("use JdbcClient or a JdbcTemplate") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getDirectDependenciesFromSelf().stream()
                                .map(d -> d.getTargetClass().getName())
                                .anyMatch(n -> n.startsWith("org.springframework.jdbc.core.simple.JdbcClient")
                                        || n.equals("org.springframework.jdbc.core.JdbcTemplate")
                                        || n.equals(
                                                "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate"));
                    }
                })
                .should(new ArchCondition<JavaClass>("touch only the tenant-owned tables of their own module") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String module = moduleOf.apply(c);
                        for (String table : tablesIn(c)) {
                            String owner = ownerOfTenantTable.get(table);
                            if (owner != null && !owner.equals(module)) {
                                events.add(SimpleConditionEvent.violated(
                                        c,
                                        c.getName() + " (module " + module + ") uses the table " + table
                                                + " of the module " + owner));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    private static final Pattern TABLE_USE = Pattern.compile(
            "\\b(?:from|join|into|update|delete\\s+from|table|exists\\s*\\(\\s*select\\s+1\\s+from)\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** The tables named after from, join, into, update or table in the class's string constants. */
    static Set<String> tablesIn(JavaClass c) {
        Set<String> tables = new TreeSet<>();
        for (String s : stringConstants(c)) {
            Matcher m = TABLE_USE.matcher(s);
            while (m.find()) {
                tables.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** Every UTF-8 constant of the class file: string literals, folded constants and concatenation recipes. */
    static List<String> stringConstants(JavaClass c) {
        var source = c.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + c.getName()));
        try (InputStream in = source.getUri().toURL().openStream();
                DataInputStream data = new DataInputStream(in)) {
            List<String> out = new ArrayList<>();
            data.readInt(); // magic
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(data.readUTF());
                    case 3, 4 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> data.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 15 -> {
                        data.readUnsignedByte();
                        data.readUnsignedShort();
                    }
                    default -> throw new IllegalStateException("constant tag " + tag + " in " + c.getName());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s*\\((.*?)\\)\\s*;",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD_TENANT = Pattern.compile(
            "alter\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+add\\s+column\\s+(?:if\\s+not\\s+exists\\s+)?tenant_id\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z]+)_.*\\.sql");

    /** Tenant-owned table to owning module, read from the migrations in {@code directory}. */
    public static Map<String, String> tenantTableOwners(Path directory) {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = MIGRATION.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                String module = name.group(1);
                String sql = Files.readString(file, StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
                Matcher create = CREATE_TABLE.matcher(sql);
                while (create.find()) {
                    if (Pattern.compile("\\btenant_id\\b")
                            .matcher(create.group(2))
                            .find()) {
                        owners.putIfAbsent(create.group(1).toLowerCase(Locale.ROOT), module);
                    }
                }
                Matcher added = ADD_TENANT.matcher(sql);
                while (added.find()) {
                    owners.putIfAbsent(added.group(1).toLowerCase(Locale.ROOT), module);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    /** The module of a class: the package segment right below {@code root} ("" for the root itself). */
    public static Function<JavaClass, String> modulesBelow(String root) {
        return c -> {
            String p = c.getPackageName();
            if (!p.startsWith(root + ".")) {
                return "";
            }
            String rest = p.substring(root.length() + 1);
            int dot = rest.indexOf('.');
            return dot < 0 ? rest : rest.substring(0, dot);
        };
    }
}
