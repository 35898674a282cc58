package ai.revo.missioncontrol.platform;

import java.util.UUID;

/**
 * A count of what waits behind one navigation entry (drafts awaiting approval, unread replies, alerts), shown as a
 * badge next to it. A module contributes one by declaring a bean; the shell asks every badge on each page render
 * and when live events arrive, so {@link #count} must be a cheap indexed query.
 */
public interface NavigationBadge {

    /** The {@link NavigationItem#path()} of the entry the badge decorates. */
    String path();

    /**
     * How many things wait for this user in this workspace; zero hides the badge. Runs with the workspace bound
     * (the request's), must not be slow.
     */
    long count(TenantScoped tenant, UUID userId);

    /** What the counted things are, in the plural, for the badge's tooltip (e.g. "drafts awaiting approval"). */
    String meaning();
}
