package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationBadge;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the sidebar from every module's {@link NavigationItem}s: grouped by {@link NavigationGroup} in the enum's
 * order, items ordered within a group, entries hidden from roles that may not open them, the current page marked
 * (the entry whose path is the longest prefix of the address), and each entry's {@link NavigationBadge} count.
 */
@Component
class SidebarNavigation {

    private static final Logger log = LoggerFactory.getLogger(SidebarNavigation.class);

    /** One labelled group of the sidebar; {@code label} is null for the unlabelled top group (Home). */
    record Section(String key, String label, List<Entry> items) {}

    /** One entry; {@code badge} is 0 when nothing waits. */
    record Entry(String label, String path, String icon, boolean current, long badge, String badgeMeaning) {}

    private final List<NavigationItem> items;
    private final Map<String, NavigationBadge> badges;

    SidebarNavigation(List<NavigationItem> items, List<NavigationBadge> badges) {
        this.items = items.stream()
                .sorted(Comparator.comparing(NavigationItem::group).thenComparingInt(NavigationItem::order))
                .toList();
        this.badges =
                badges.stream().collect(Collectors.toMap(NavigationBadge::path, Function.identity(), (a, b) -> a));
    }

    List<Section> sections(CurrentUser user, String currentPath) {
        org.springframework.security.core.Authentication authentication =
                org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication();
        List<NavigationItem> visible = items.stream()
                .filter(i -> i.requiredRole() == null
                        || i.requiredRole().equals(user.role().name())
                        // installation-wide authorities (INSTANCE_OPERATOR) are not a workspace role
                        || (authentication != null
                                && authentication.getAuthorities().stream()
                                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + i.requiredRole()))))
                .toList();
        String current = currentEntry(visible, currentPath);
        Map<NavigationGroup, List<Entry>> grouped = new EnumMap<>(NavigationGroup.class);
        for (NavigationItem item : visible) {
            NavigationBadge badge = badges.get(item.path());
            grouped.computeIfAbsent(item.group(), g -> new ArrayList<>())
                    .add(new Entry(
                            item.label(),
                            item.path(),
                            item.icon(),
                            item.path().equals(current),
                            badge == null ? 0 : count(badge, user),
                            badge == null ? null : badge.meaning()));
        }
        return grouped.entrySet().stream()
                .map(e -> new Section(
                        e.getKey().name().toLowerCase(java.util.Locale.ROOT),
                        e.getKey() == NavigationGroup.HOME ? null : e.getKey().label(),
                        e.getValue()))
                .toList();
    }

    /** A badge that fails must not take the page down with it: it shows nothing and is logged. */
    private static long count(NavigationBadge badge, CurrentUser user) {
        try {
            return Math.max(0, badge.count(user.tenantId(), user.id().value()));
        } catch (RuntimeException e) {
            log.warn("Navigation badge for {} failed: {}", badge.path(), e.toString());
            return 0;
        }
    }

    private static String currentEntry(List<NavigationItem> items, String path) {
        String best = null;
        for (NavigationItem item : items) {
            String p = item.path();
            boolean matches =
                    p.equals("/") ? path.equals("/") : path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/");
            if (matches && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }
}
