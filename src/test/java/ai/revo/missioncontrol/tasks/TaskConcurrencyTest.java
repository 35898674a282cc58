package ai.revo.missioncontrol.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Task moves under concurrency, with real threads against the real PostgreSQL. */
class TaskConcurrencyTest extends IntegrationTest {

    private static String task(Api api, Api.Session s, String title) {
        return api.post("/api/v1/tasks", s.accessToken(), Map.of("title", title))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    private static List<Integer> positions(Api api, Api.Session s, String column) {
        List<Integer> out = new ArrayList<>();
        api.get("/api/v1/tasks?limit=200&column=" + column, s.accessToken())
                .expect(200)
                .json()
                .path("data")
                .forEach(t -> out.add(t.path("position").asInt()));
        return out;
    }

    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStaleMoveIsRefusedWith409AndChangesNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        String id = task(api, admin, "Call back");
        long version = api.get("/api/v1/tasks/" + id, admin.accessToken())
                .json()
                .path("version")
                .asLong();
        JsonNode moved = api.patch(
                        "/api/v1/tasks/" + id,
                        admin.accessToken(),
                        Map.of("column", "DOING", "position", 0, "version", version))
                .expect(200)
                .json();
        assertThat(moved.path("version").asLong()).isGreaterThan(version);
        api.patch(
                        "/api/v1/tasks/" + id,
                        admin.accessToken(),
                        Map.of("column", "NEEDS_APPROVAL", "position", 0, "version", version))
                .expectError(409, "CONFLICT");
        assertThat(api.get("/api/v1/tasks/" + id, admin.accessToken())
                        .json()
                        .path("column")
                        .asText())
                .isEqualTo("DOING");
        // an edit with a stale version is refused the same way
        api.patch("/api/v1/tasks/" + id, admin.accessToken(), Map.of("title", "Renamed", "version", version))
                .expectError(409, "CONFLICT");
    }

    @Test
    void concurrentMovesKeepEveryColumnsPositionsUniqueAndGapFree() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(task(api, admin, "Task " + i));
        }
        List<Callable<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String column = i % 2 == 0 ? "DOING" : "NEEDS_APPROVAL";
            moves.add(
                    () -> api.patch("/api/v1/tasks/" + id, admin.accessToken(), Map.of("column", column, "position", 0))
                            .status());
        }
        assertThat(atOnce(moves)).containsOnly(200);
        assertThat(positions(api, admin, "DOING")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(positions(api, admin, "NEEDS_APPROVAL")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(positions(api, admin, "BACKLOG")).isEmpty();
    }

    @Test
    void twoMovesOfOneTaskWithTheSameVersionLetExactlyOneWin() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String id = task(api, admin, "Contested");
        task(api, admin, "Neighbour");
        long version = api.get("/api/v1/tasks/" + id, admin.accessToken())
                .json()
                .path("version")
                .asLong();
        List<Integer> statuses = atOnce(List.of(
                () -> api.patch(
                                "/api/v1/tasks/" + id,
                                admin.accessToken(),
                                Map.of("column", "DOING", "position", 0, "version", version))
                        .status(),
                () -> api.patch(
                                "/api/v1/tasks/" + id,
                                admin.accessToken(),
                                Map.of("column", "NEEDS_APPROVAL", "position", 0, "version", version))
                        .status()));
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(positions(api, admin, "BACKLOG")).containsExactly(0);
    }

    @Test
    void theDatabaseRefusesTwoTasksOnOnePosition() {
        Api api = api();
        Api.Session admin = api.signup();
        task(api, admin, "First");
        String second = task(api, admin, "Second");
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(
                database().url(), database().username(), database().password()));
        assertThatThrownBy(() -> db.sql("update tasks set position = 0 where id = ?")
                        .param(UUID.fromString(second))
                        .update())
                .hasMessageContaining("tasks_one_task_per_position");
    }

    @Test
    void theTaskListPagesForReal() {
        Api api = api();
        Api.Session admin = api.signup();
        for (int i = 0; i < 5; i++) {
            task(api, admin, "Paged " + i);
        }
        JsonNode page = api.get("/api/v1/tasks?limit=2&page=3", admin.accessToken())
                .expect(200)
                .json();
        assertThat(page.path("data")).hasSize(1);
        assertThat(page.path("data").get(0).path("title").asText()).isEqualTo("Paged 4");
        assertThat(page.path("pagination").path("total").asLong()).isEqualTo(5);
        assertThat(page.path("pagination").path("totalPages").asLong()).isEqualTo(3);
    }
}
