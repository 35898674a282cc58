package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.SearchHit;
import ai.revo.missioncontrol.platform.SearchQuery;
import ai.revo.missioncontrol.platform.SearchSource;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The global search: asks every module's {@link SearchSource} (contacts, leads, campaigns, drafts, templates,
 * emails) for its best hits and returns them grouped, in the sources' order. A source that fails is left out and
 * logged rather than failing the whole search.
 */
@Component
class GlobalSearch {

    private static final Logger log = LoggerFactory.getLogger(GlobalSearch.class);

    /** The hits of one kind. */
    record Group(String label, List<SearchHit> hits) {}

    private final List<SearchSource> sources;

    GlobalSearch(List<SearchSource> sources) {
        this.sources = sources.stream()
                .sorted(Comparator.comparingInt(SearchSource::order))
                .toList();
    }

    List<Group> search(TenantId tenant, SearchQuery query, int perKind) {
        return sources.stream()
                .map(s -> new Group(s.label(), hits(s, tenant, query, perKind)))
                .filter(g -> !g.hits().isEmpty())
                .toList();
    }

    private static List<SearchHit> hits(SearchSource source, TenantId tenant, SearchQuery query, int limit) {
        try {
            return source.search(tenant, query, limit);
        } catch (RuntimeException e) {
            log.warn("Search source {} failed: {}", source.label(), e.toString());
            return List.of();
        }
    }
}
