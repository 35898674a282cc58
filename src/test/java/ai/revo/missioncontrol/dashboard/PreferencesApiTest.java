package ai.revo.missioncontrol.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferencesApiTest extends IntegrationTest {

    @Test
    void sidebarPreferenceDefaultsToExpandedAndIsKeptPerUser() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        assertThat(api.get("/api/v1/me/preferences", viewer.accessToken())
                        .expect(200)
                        .json()
                        .path("sidebarCollapsed")
                        .asBoolean())
                .isFalse();
        api.put("/api/v1/me/preferences", viewer.accessToken(), Map.of("sidebarCollapsed", true))
                .expect(200);
        assertThat(api.get("/api/v1/me/preferences", viewer.accessToken())
                        .expect(200)
                        .json()
                        .path("sidebarCollapsed")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/me/preferences", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("sidebarCollapsed")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void missingValueIsRefusedAndChangesNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        api.put("/api/v1/me/preferences", admin.accessToken(), Map.of("sidebar", "yes"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.get("/api/v1/me/preferences", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("sidebarCollapsed")
                        .asBoolean())
                .isFalse();
    }
}
