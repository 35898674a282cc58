package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SearchHit;
import ai.revo.missioncontrol.platform.SearchQuery;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The global search for API clients: {@code GET /api/v1/search?q=&limit=}. */
@RestController
class SearchApiController {

    private final GlobalSearch search;

    SearchApiController(GlobalSearch search) {
        this.search = search;
    }

    /** Hits of every kind, each with its {@code kind} and dashboard {@code path}; {@code limit} is per kind. */
    @GetMapping("/api/v1/search")
    PageResult<SearchHit> api(
            CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
        SearchQuery query = SearchQuery.parse(q);
        if (query == null) {
            throw ApiException.invalidField(
                    "q", "must have at least " + SearchQuery.MIN_LENGTH + " characters besides spaces");
        }
        PageQuery page = new PageQuery(1, limit == null ? 5 : limit);
        List<SearchHit> hits = search.search(user.tenantId(), query, page.limit()).stream()
                .flatMap(g -> g.hits().stream())
                .toList();
        return new PageResult<>(hits, new PageResult.Pagination(1, page.limit(), hits.size(), hits.isEmpty() ? 0 : 1));
    }
}
