package ai.revo.missioncontrol.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an API key may do, on top of (never beyond) its user's role. Each request to the API needs exactly one scope:
 *
 * <ul>
 *   <li>{@link #READ}: every GET and HEAD.
 *   <li>{@link #SEND}: what lets a message leave or decides that it may: the approval decisions on drafts (approve,
 *       reject, request changes, edit-and-approve, approve with notes, bulk), sending and re-sending emails and
 *       outbound messages, marking them sent, answering a conversation.
 *   <li>{@link #ADMIN}: running the workspace: users, settings (workspace, safety, email sending, webhooks), the
 *       scheduler, prompts, agent settings and agents, API keys, the operator console.
 *   <li>{@link #WRITE}: every other change (campaigns, contacts, leads, drafts, tasks, imports, templates, ...).
 * </ul>
 *
 * Scopes do not include each other: a key that writes and reads needs both.
 */
public enum ApiKeyScope {
    READ,
    WRITE,
    SEND,
    ADMIN;

    private static final List<Pattern> SEND_PATHS = patterns(
            "/api/v1/drafts/[^/]+/(approve|reject|request-changes|edit-inline-approve|approve-with-notes)",
            "/api/v1/approvals/bulk",
            "/api/v1/emails/send",
            "/api/v1/emails/[^/]+/(send-for-real|send-again|mark-sent)",
            "/api/v1/outbound/test",
            "/api/v1/outbound/[^/]+/(send-again|mark-sent)",
            "/api/v1/conversations/[^/]+/replies");

    private static final List<Pattern> ADMIN_PATHS = patterns(
            "/api/v1/users(/.*)?",
            "/api/v1/settings(/.*)?",
            "/api/v1/scheduler(/.*)?",
            "/api/v1/prompts(/.*)?",
            "/api/v1/agent-settings(/.*)?",
            "/api/v1/agents/[^/]+",
            "/api/v1/api-keys(/.*)?",
            "/api/v1/operator(/.*)?");

    /** The name used on the wire: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope named {@code value} (any case); {@link IllegalArgumentException} when there is none. */
    public static ApiKeyScope of(String value) {
        if (value != null) {
            for (ApiKeyScope scope : values()) {
                if (scope.name().equalsIgnoreCase(value.trim())) {
                    return scope;
                }
            }
        }
        throw new IllegalArgumentException("is not a scope: use read, write, send or admin");
    }

    /** The scope a request needs (path without the context path or query). */
    public static ApiKeyScope requiredFor(String method, String path) {
        if ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) {
            return READ;
        }
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (SEND_PATHS.stream().anyMatch(r -> r.matcher(p).matches())) {
            return SEND;
        }
        if (ADMIN_PATHS.stream().anyMatch(r -> r.matcher(p).matches())) {
            return ADMIN;
        }
        return WRITE;
    }

    /** The scopes a user of {@code role} may give a key: VIEWER only read; admin only to an ADMIN. */
    public static Set<ApiKeyScope> allowedFor(Role role) {
        return switch (role) {
            case VIEWER -> EnumSet.of(READ);
            case ADMIN -> EnumSet.allOf(ApiKeyScope.class);
            default -> EnumSet.of(READ, WRITE, SEND);
        };
    }

    static String encode(Set<ApiKeyScope> scopes) {
        return String.join(
                ",", scopes.stream().sorted().map(ApiKeyScope::wireName).toList());
    }

    static Set<ApiKeyScope> decode(String column) {
        EnumSet<ApiKeyScope> out = EnumSet.noneOf(ApiKeyScope.class);
        for (String part : column.split(",")) {
            if (!part.isBlank()) {
                out.add(of(part));
            }
        }
        return out;
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
