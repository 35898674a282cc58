package ai.revo.missioncontrol.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public health of the node: 200 with {@code {"status": "UP", "components": {"db": "UP", ...}}} when everything is
 * up and start-up has finished, 503 otherwise. Only statuses are shown; details (paths, versions) stay private.
 */
@RestController
@Tag(name = "Health")
class HealthController {

    private final HealthEndpoint health;
    private final ApplicationAvailability availability;

    HealthController(HealthEndpoint health, ApplicationAvailability availability) {
        this.health = health;
        this.availability = availability;
    }

    record HealthView(String status, Map<String, String> components) {}

    @GetMapping("/health")
    @SecurityRequirements
    @Operation(summary = "Health of the node and its database", description = "Roles: public (no token).")
    ResponseEntity<HealthView> health() {
        HealthComponent result = health.health();
        Map<String, String> components = new LinkedHashMap<>();
        if (result instanceof CompositeHealth composite) {
            composite
                    .getComponents()
                    .forEach((name, c) -> components.put(name, c.getStatus().getCode()));
        }
        // not ready until start-up work (migrations, the first admin) is done, nor while shutting down
        boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        components.put("readiness", ready ? Status.UP.getCode() : Status.OUT_OF_SERVICE.getCode());
        Status status = !ready ? Status.OUT_OF_SERVICE : result.getStatus();
        return ResponseEntity.status(Status.UP.equals(status) ? 200 : 503)
                .body(new HealthView(status.getCode(), components));
    }
}
