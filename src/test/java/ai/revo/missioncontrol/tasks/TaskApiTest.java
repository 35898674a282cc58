package ai.revo.missioncontrol.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TaskApiTest extends IntegrationTest {

    private static String task(Api api, Api.Session s, String title) {
        return api.post("/api/v1/tasks", s.accessToken(), Map.of("title", title))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    @Test
    void tasksMoveAcrossColumnsKeepingPositionsDense() {
        Api api = api();
        Api.Session admin = api.signup();
        String a = task(api, admin, "A");
        String b = task(api, admin, "B");
        String c = task(api, admin, "C");
        api.patch("/api/v1/tasks/" + c, admin.accessToken(), Map.of("position", 0))
                .expect(200);
        List<String> backlog = new ArrayList<>();
        api.get("/api/v1/tasks?column=BACKLOG", admin.accessToken())
                .json()
                .path("data")
                .forEach(t -> backlog.add(
                        t.path("title").asText() + t.path("position").asInt()));
        assertThat(backlog).containsExactly("C0", "A1", "B2");
        api.patch("/api/v1/tasks/" + a, admin.accessToken(), Map.of("column", "DOING"))
                .expect(200);
        backlog.clear();
        api.get("/api/v1/tasks?column=BACKLOG", admin.accessToken())
                .json()
                .path("data")
                .forEach(t -> backlog.add(
                        t.path("title").asText() + t.path("position").asInt()));
        assertThat(backlog).containsExactly("C0", "B1");
        JsonNode moved = api.get("/api/v1/tasks/" + a, admin.accessToken()).json();
        assertThat(moved.path("column").asText()).isEqualTo("DOING");
        assertThat(moved.path("timeline")).hasSize(2);
        assertThat(api.get("/api/v1/events/feed?taskId=" + a, admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(2);
        assertThat(b).isNotBlank();
    }

    @Test
    void onlyAdminsFinishTasksAndViewersChangeNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session closer = api.addUser(admin, "CLOSER");
        Api.Session viewer = api.addUser(admin, "VIEWER");
        String t = task(api, admin, "Ship it");
        api.patch("/api/v1/tasks/" + t, closer.accessToken(), Map.of("column", "DOING"))
                .expect(200);
        api.patch("/api/v1/tasks/" + t, closer.accessToken(), Map.of("column", "NEEDS_APPROVAL"))
                .expect(200);
        api.patch("/api/v1/tasks/" + t, closer.accessToken(), Map.of("column", "DONE"))
                .expectError(403, "FORBIDDEN");
        api.patch("/api/v1/tasks/" + t, viewer.accessToken(), Map.of("column", "BACKLOG"))
                .expectError(403, "FORBIDDEN");
        api.patch("/api/v1/tasks/" + t, admin.accessToken(), Map.of("column", "DONE"))
                .expect(200);
        api.patch("/api/v1/tasks/" + t, closer.accessToken(), Map.of("column", "DOING"))
                .expectError(403, "FORBIDDEN");
        assertThat(api.get("/api/v1/tasks/" + t, viewer.accessToken())
                        .json()
                        .path("column")
                        .asText())
                .isEqualTo("DONE");
        api.post("/api/v1/tasks", admin.accessToken(), Map.of("title", "x", "column", "DONE"))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/tasks", admin.accessToken(), Map.of("description", "no title"))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/tasks/" + t + "/progress", admin.accessToken(), Map.of("message", "x", "percent", 150))
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void replayingALongHistoryEndsInTheTaskAsStored() {
        Api api = api();
        Api.Session admin = api.signup();
        String id = task(api, admin, "Long story");
        task(api, admin, "Neighbour 1");
        task(api, admin, "Neighbour 2");
        Random random = new Random(7);
        String[] columns = {"BACKLOG", "DOING", "NEEDS_APPROVAL", "DONE"};
        String[] priorities = {"LOW", "NORMAL", "HIGH", "URGENT"};
        for (int i = 0; i < 60; i++) {
            switch (random.nextInt(4)) {
                case 0 ->
                    api.patch(
                                    "/api/v1/tasks/" + id,
                                    admin.accessToken(),
                                    Map.of("column", columns[random.nextInt(4)], "position", random.nextInt(3)))
                            .expect(200);
                case 1 ->
                    api.patch(
                                    "/api/v1/tasks/" + id,
                                    admin.accessToken(),
                                    Map.of("priority", priorities[random.nextInt(4)], "title", "Long story " + i))
                            .expect(200);
                case 2 ->
                    api.post(
                                    "/api/v1/tasks/" + id + "/progress",
                                    admin.accessToken(),
                                    Map.of("message", "step " + i, "percent", random.nextInt(101)))
                            .expect(200);
                default ->
                    api.patch(
                                    "/api/v1/tasks/" + id,
                                    admin.accessToken(),
                                    Map.of("labels", List.of("l" + random.nextInt(5))))
                            .expect(200);
            }
        }
        JsonNode replay = api.get("/api/v1/tasks/" + id + "/replay", admin.accessToken())
                .expect(200)
                .json();
        JsonNode steps = replay.path("steps");
        assertThat(steps.size()).isGreaterThan(40);
        long previous = 0;
        for (JsonNode step : steps) {
            assertThat(step.path("seq").asLong()).isGreaterThan(previous);
            previous = step.path("seq").asLong();
        }
        JsonNode last = steps.get(steps.size() - 1).path("stateAfter");
        JsonNode stored = api.get("/api/v1/tasks/" + id, admin.accessToken()).json();
        assertThat(last.path("title").asText()).isEqualTo(stored.path("title").asText());
        assertThat(last.path("column").asText()).isEqualTo(stored.path("column").asText());
        assertThat(last.path("priority").asText())
                .isEqualTo(stored.path("priority").asText());
        assertThat(last.path("labels")).isEqualTo(stored.path("labels"));
        assertThat(last.path("progress").asInt())
                .isEqualTo(stored.path("progress").asInt());
        // its neighbours never moved here, so its position is exactly where its own last move put it
        assertThat(last.path("position").asInt())
                .isEqualTo(stored.path("position").asInt());
    }
}
