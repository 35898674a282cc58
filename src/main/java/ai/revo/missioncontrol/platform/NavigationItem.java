package ai.revo.missioncontrol.platform;

/**
 * One entry of the dashboard's navigation. Modules declare theirs as beans, so the menu lists only sections that
 * exist. {@code requiredRole} (e.g. "ADMIN") hides the entry from everyone else; null shows it to all. Entries are
 * shown under their {@code group}, ordered by {@code order} within it.
 *
 * @param icon a Tabler icon name without the {@code ti-} prefix
 */
public record NavigationItem(
        NavigationGroup group, String label, String path, String icon, int order, String requiredRole) {}
