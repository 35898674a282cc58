package ai.revo.missioncontrol.platform;

import java.util.List;

/**
 * One kind of thing the global search finds (contacts, leads, campaigns, drafts, templates, emails). The module
 * that owns the rows declares a bean and searches its own tables; the dashboard asks every source and shows the
 * hits grouped by kind. {@link #search} must answer from an index within a few milliseconds.
 */
public interface SearchSource {

    /** Where this source's group appears among the others; lower first. */
    int order();

    /** The group's heading, in the plural (e.g. "Contacts"). */
    String label();

    /**
     * At most {@code limit} hits for {@code query} (already trimmed, at least 2 characters) in the workspace, best
     * first. Runs with the workspace bound.
     */
    List<SearchHit> search(TenantScoped tenant, SearchQuery query, int limit);
}
