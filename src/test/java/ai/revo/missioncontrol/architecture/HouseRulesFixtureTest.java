package ai.revo.missioncontrol.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each house rule of {@link HouseRules} fails on the deliberate violations in {@code ai.revo.archfixture} and passes
 * their allowed twins there, so a rule that ArchitectureTests finds green on the application is a rule that would
 * catch a violation.
 */
class HouseRulesFixtureTest {

    static final String ROOT = "ai.revo.archfixture";
    static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);
    static final Function<JavaClass, String> MODULE = HouseRules.modulesBelow(ROOT);

    static List<String> violations(EvaluationResult result) {
        return result.getFailureReport().getDetails();
    }

    @Test
    void providerSdksOutsideOutboundAreViolations() {
        List<String> found =
                violations(HouseRules.providerSdksOnlyIn("outbound", MODULE).evaluate(FIXTURE));
        assertThat(found).anyMatch(v -> v.contains("SendsMailItself") && v.contains("jakarta.mail.Transport"));
        assertThat(found).anyMatch(v -> v.contains("CallsAProviderOverHttp") && v.contains("java.net.http.HttpClient"));
        assertThat(found).noneMatch(v -> v.contains("archfixture.outbound."));
    }

    @Test
    void aClassReadingAnotherModulesTenantTableIsAViolation() {
        var owners = HouseRules.tenantTableOwners(Path.of("src/main/resources/db/migration"));
        assertThat(owners).containsEntry("leads", "contacts").containsEntry("campaigns", "campaigns");
        List<String> found = violations(
                HouseRules.tenantTablesOnlyFromTheirModule(owners, MODULE).evaluate(FIXTURE));
        assertThat(found)
                .singleElement()
                .satisfies(v -> assertThat(v)
                        .contains("ReadsLeadsDirectly", "module campaigns", "table leads", "module contacts"));
    }

    @Test
    void aTransactionalMethodCallingAGatewayIsAViolation() {
        List<String> found = violations(HouseRules.noTransactionalMethodCalls(
                        Set.of(ROOT + ".outbound.OutboundGateway", ROOT + ".ai.LlmGateway"))
                .evaluate(FIXTURE));
        assertThat(found).hasSize(3);
        assertThat(found).anyMatch(v -> v.contains("approveAndSend") && v.contains("OutboundGateway.send"));
        assertThat(found).anyMatch(v -> v.contains("rewriteWhileLocked") && v.contains("LlmGateway.generate"));
        assertThat(found).anyMatch(v -> v.contains("TransactionalClass.summarise"));
        assertThat(found).noneMatch(v -> v.contains(".rewrite("));
    }

    @Test
    void theModelSdkOutsideTheAiModuleIsAViolation() {
        JavaClasses app =
                new ClassFileImporter().importPackages("ai.revo.missioncontrol.ai", "ai.revo.missioncontrol.agents");
        assertThat(HouseRules.modelSdkOnlyIn("ai", HouseRules.modulesBelow("ai.revo.missioncontrol"))
                        .evaluate(app)
                        .hasViolation())
                .isFalse();
        assertThat(HouseRules.modelSdkOnlyIn("agents", HouseRules.modulesBelow("ai.revo.missioncontrol"))
                        .evaluate(app)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(v -> v.contains("LlmGateway") && v.contains("dev.langchain4j"));
    }
}
