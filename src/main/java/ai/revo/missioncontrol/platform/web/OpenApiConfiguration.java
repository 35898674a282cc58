package ai.revo.missioncontrol.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI document. Each operation states who may call it, read from its {@code @PreAuthorize} rule or, when it
 * has none, from the house rule that VIEWER is read-only.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI missionControlOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Revo Mission Control API")
                        .version("v1")
                        .description("Errors: {\"error\": {code, message, details, timestamp, requestId}}. "
                                + "Lists: {data, pagination} with ?page=&limit= (limit at most 200)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT or API key")
                                        .description("Paste an API key (mc_pat_..., Settings → API keys) or the"
                                                + " accessToken of POST /api/v1/auth/login, without 'Bearer '.")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer rolesInDescription() {
        return (operation, handler) -> {
            String description = operation.getDescription() == null ? "" : operation.getDescription();
            if (description.contains("Roles:")) {
                return operation;
            }
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            String roles;
            if (rule != null) {
                roles = rolesOf(rule.value());
            } else if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GetMapping.class)) {
                roles = "any signed-in role (ADMIN, OPERATOR, CLOSER, FINANCE, VIEWER)";
            } else {
                roles = "ADMIN, OPERATOR, CLOSER, FINANCE (VIEWER is read-only)";
            }
            operation.setDescription((description.isBlank() ? "" : description + "\n\n") + "Roles: " + roles + ".");
            return operation;
        };
    }

    private static String rolesOf(String expression) {
        String names = Arrays.stream(expression.split("'"))
                .filter(s -> s.matches("[A-Z_]+"))
                .reduce((a, b) -> a + ", " + b)
                .orElse(expression);
        return names;
    }
}
