package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.SearchQuery;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The global search's pages: the results page {@code /search?q=} and the suggestions fragment the search dialog ({@code /} or Ctrl-K) loads as you type.
 */
@Controller
class SearchController {

    static final int SUGGESTIONS_PER_KIND = 4;
    static final int PAGE_PER_KIND = 20;

    private final GlobalSearch search;

    SearchController(GlobalSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String page(CurrentUser user, @RequestParam(required = false) String q, Model model) {
        results(user, q, PAGE_PER_KIND, model);
        return "dashboard/search";
    }

    @GetMapping("/search/suggest")
    String suggest(CurrentUser user, @RequestParam(required = false) String q, Model model) {
        results(user, q, SUGGESTIONS_PER_KIND, model);
        return "dashboard/search :: results";
    }

    private void results(CurrentUser user, String q, int perKind, Model model) {
        SearchQuery query = SearchQuery.parse(q);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("tooShort", query == null);
        model.addAttribute("groups", query == null ? List.of() : search.search(user.tenantId(), query, perKind));
    }
}
