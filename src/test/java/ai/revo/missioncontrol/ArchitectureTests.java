package ai.revo.missioncontrol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** House rules on top of Spring Modulith's: see shared/STYLE.md. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.revo.missioncontrol");

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void aggregatesAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.data.relational.core.mapping.Table.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void everyRepositoryMethodIsScopedByTenant() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAssignableTo(Repository.class)
                .and()
                .areDeclaredInClassesThat()
                .areInterfaces()
                .and(new DescribedPredicate<JavaMethod>("are not the save method") {
                    @Override
                    public boolean test(JavaMethod method) {
                        return !method.getName().equals("save");
                    }
                })
                .should(new ArchCondition<JavaMethod>("take a TenantId first") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        var params = method.getRawParameterTypes();
                        boolean scoped = !params.isEmpty()
                                && (params.get(0).getSimpleName().equals("TenantId")
                                        // the tenants table is keyed by the tenant itself
                                        || method.getOwner().getSimpleName().equals("TenantRepository"));
                        if (!scoped) {
                            events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " does not take a TenantId as its first parameter"));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void controllersDoNotTouchRepositories() {
        noClasses()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .check(CLASSES);
    }

    @Test
    void onlyTheOutboundModuleTouchesChannelAdapters() {
        noClasses()
                .that()
                .resideOutsideOfPackage("ai.revo.missioncontrol.outbound..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(ai.revo.missioncontrol.outbound.ChannelAdapter.class)
                .because("every message must pass the OutboundGateway's safety checks")
                .check(CLASSES);
    }

    @Test
    void platformHoldsNoBusinessModuleDependencies() {
        noClasses()
                .that()
                .resideInAPackage("..platform..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("belong to a business module") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith("ai.revo.missioncontrol.")
                                && !c.getPackageName().startsWith("ai.revo.missioncontrol.platform");
                    }
                })
                .check(CLASSES);
    }

    // The rules below are written in architecture.HouseRules; HouseRulesFixtureTest shows each failing on a violation.

    static final java.util.function.Function<JavaClass, String> MODULE =
            ai.revo.missioncontrol.architecture.HouseRules.modulesBelow("ai.revo.missioncontrol");

    @Test
    void providerSdksAreUsedOnlyInOutbound() {
        // cli: the jar's commands (connect) call a running instance's own API, not a provider
        ai.revo.missioncontrol.architecture.HouseRules.providerSdksOnlyIn(java.util.Set.of("outbound", "cli"), MODULE)
                .check(CLASSES);
    }

    @Test
    void theModelSdkIsUsedOnlyInTheAiModule() {
        ai.revo.missioncontrol.architecture.HouseRules.modelSdkOnlyIn("ai", MODULE)
                .check(CLASSES);
    }

    @Test
    void tenantOwnedTablesAreUsedOnlyByTheirOwnModule() {
        ai.revo.missioncontrol.architecture.HouseRules.tenantTablesOnlyFromTheirModule(
                        ai.revo.missioncontrol.architecture.HouseRules.tenantTableOwners(
                                java.nio.file.Path.of("src/main/resources/db/migration")),
                        MODULE)
                .check(CLASSES);
    }

    @Test
    void noTransactionalMethodCallsTheOutboundOrTheLlmGateway() {
        ai.revo.missioncontrol.architecture.HouseRules.noTransactionalMethodCalls(java.util.Set.of(
                        ai.revo.missioncontrol.outbound.OutboundGateway.class.getName(),
                        ai.revo.missioncontrol.ai.LlmGateway.class.getName()))
                .check(CLASSES);
    }
}
