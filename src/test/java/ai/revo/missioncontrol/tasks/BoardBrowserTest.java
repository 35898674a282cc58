package ai.revo.missioncontrol.tasks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoardBrowserTest extends BrowserTest {

    private static void drag(Page page, Locator item, Locator target) {
        var from = item.boundingBox();
        var to = target.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse()
                .move(
                        from.x + from.width / 2 + 5,
                        from.y + from.height / 2 + 5,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse()
                .move(to.x + to.width / 2, to.y + 20, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
        page.mouse().up();
    }

    @Test
    void aTaskDraggedInOneBrowserMovesInAnother() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        String id = api.post("/api/v1/tasks", admin.accessToken(), Map.of("title", "Call back Ines"))
                .expect(201)
                .json()
                .path("id")
                .asText();

        Page watcher = signIn(admin.email(), admin.password());
        watcher.navigate(baseUrl() + "/board");
        assertThat(watcher.getByTestId("live-indicator")).hasText("LIVE");
        assertThat(watcher.getByTestId("column-BACKLOG").locator("[data-task='" + id + "']"))
                .isVisible();

        Page mover = signIn(operator.email(), operator.password());
        mover.navigate(baseUrl() + "/board");
        drag(mover, mover.locator("[data-task='" + id + "']"), mover.getByTestId("column-DOING"));
        assertThat(mover.getByTestId("column-DOING").locator("[data-task='" + id + "']"))
                .isVisible();

        assertThat(watcher.getByTestId("column-DOING").locator("[data-task='" + id + "']"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(5000));
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/tasks/" + id, admin.accessToken())
                        .json()
                        .path("column")
                        .asText())
                .isEqualTo("DOING");

        // a move the server refuses snaps back, with its reason
        drag(mover, mover.locator("[data-task='" + id + "']"), mover.getByTestId("column-DONE"));
        assertThat(mover.locator("#flash")).containsText("Only an admin");
        assertThat(mover.getByTestId("column-DOING").locator("[data-task='" + id + "']"))
                .isVisible();

        watcher.locator("[data-task='" + id + "']").click();
        assertThat(watcher.getByTestId("task-timeline")).containsText("task.moved");
        assertThat(watcher.getByTestId("replay-state")).containsText("column: DOING");
        screenshot(watcher, "board");
        watcher.context().close();
        mover.context().close();
    }

    @Test
    void aStaleDragSnapsBackAndTheCardOpensASidePanelThatEdits() {
        Api api = api();
        Api.Session admin = api.signup();
        String id = api.post("/api/v1/tasks", admin.accessToken(), Map.of("title", "Prepare the offer"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/board");
        assertThat(page.getByTestId("column-BACKLOG").locator("[data-task='" + id + "']"))
                .isVisible();
        // a card whose version is older than the task's (someone else changed it since the board was drawn)
        page.evaluate("id => document.querySelector(`[data-task='${id}']`).dataset.version = '41'", id);
        drag(page, page.locator("[data-task='" + id + "']"), page.getByTestId("column-NEEDS_APPROVAL"));
        assertThat(page.locator("#flash")).containsText("changed since you loaded it");
        assertThat(page.getByTestId("column-BACKLOG").locator("[data-task='" + id + "']"))
                .isVisible();

        page.locator("[data-task='" + id + "']").click();
        assertThat(page.getByTestId("task-drawer")).isVisible();
        page.getByTestId("task-description").fill("Two options, prices from the catalogue");
        page.getByTestId("task-labels").fill("offer, q3");
        page.getByTestId("task-due").fill("2027-03-15");
        page.getByTestId("task-assignee")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(admin.email()));
        page.getByTestId("task-save").click();
        assertThat(page.getByTestId("task-saved")).isVisible();
        JsonNode task = api.get("/api/v1/tasks/" + id, admin.accessToken()).json();
        org.assertj.core.api.Assertions.assertThat(task.path("description").asText())
                .isEqualTo("Two options, prices from the catalogue");
        org.assertj.core.api.Assertions.assertThat(task.path("labels").toString())
                .isEqualTo("[\"offer\",\"q3\"]");
        org.assertj.core.api.Assertions.assertThat(task.path("dueAt").asText()).startsWith("2027-03-15");
        org.assertj.core.api.Assertions.assertThat(
                        task.path("assignee").path("id").asText())
                .isEqualTo(admin.userId());
        assertThat(page.getByTestId("column-BACKLOG").locator("[data-task='" + id + "']"))
                .containsText("q3", new LocatorAssertions.ContainsTextOptions().setTimeout(5000));
        screenshot(page, "board-panel-1440");
        page.setViewportSize(1920, 1080);
        screenshot(page, "board-panel-1920");
        page.setViewportSize(390, 844);
        screenshot(page, "board-panel-390");
        page.getByTestId("task-panel-close").click();
        assertThat(page.getByTestId("task-drawer")).not().isVisible();
        page.context().close();
    }

    @Test
    void theSidePanelClearsTheAssigneeAndTheDueDate() {
        Api api = api();
        Api.Session admin = api.signup();
        String id = api.post(
                        "/api/v1/tasks",
                        admin.accessToken(),
                        Map.of(
                                "title",
                                "Call the fleet manager",
                                "dueAt",
                                "2027-04-01T17:00:00Z",
                                "assignee",
                                Map.of("type", "USER", "id", admin.userId())))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/board");
        page.locator("[data-task='" + id + "']").click();
        assertThat(page.getByTestId("task-due")).hasValue("2027-04-01");
        page.getByTestId("task-assignee")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Nobody"));
        page.getByTestId("task-due-clear").click();
        assertThat(page.getByTestId("task-due")).hasValue("");
        page.getByTestId("task-save").click();
        assertThat(page.getByTestId("task-saved")).isVisible();
        JsonNode task = api.get("/api/v1/tasks/" + id, admin.accessToken()).json();
        org.assertj.core.api.Assertions.assertThat(
                        task.path("assignee").isNull() || task.path("assignee").isMissingNode())
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(
                        task.path("dueAt").isNull() || task.path("dueAt").isMissingNode())
                .isTrue();
        // the panel shows what the task now is, and saving it again changes nothing
        assertThat(page.getByTestId("task-due")).hasValue("");
        org.assertj.core.api.Assertions.assertThat(
                        page.getByTestId("task-assignee").inputValue())
                .isEqualTo("NONE");
        assertThat(page.getByTestId("task-timeline")).containsText("task.updated");
        for (int width : new int[] {1440, 1920, 390}) {
            page.setViewportSize(width, 900);
            page.waitForTimeout(400); // the sidebar's open/close transition
            screenshot(page, "board-panel-cleared-" + width);
        }

        // the API clears the same way, and says plainly what it cannot clear
        api.patch(
                        "/api/v1/tasks/" + id,
                        admin.accessToken(),
                        Map.of("dueAt", "2027-05-01T17:00:00Z", "assignee", Map.of("type", "AGENT", "id", "closer")))
                .expect(200);
        JsonNode cleared = api.patch(
                        "/api/v1/tasks/" + id,
                        admin.accessToken(),
                        Map.of("clear", java.util.List.of("assignee", "dueAt")))
                .expect(200)
                .json();
        org.assertj.core.api.Assertions.assertThat(cleared.path("assignee").isNull()
                        || cleared.path("assignee").isMissingNode())
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(
                        cleared.path("dueAt").isNull() || cleared.path("dueAt").isMissingNode())
                .isTrue();
        api.patch("/api/v1/tasks/" + id, admin.accessToken(), Map.of("clear", java.util.List.of("title")))
                .expectError(400, "VALIDATION_ERROR");
        page.context().close();
    }
}
