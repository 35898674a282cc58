package ai.revo.missioncontrol.tasks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
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
}
