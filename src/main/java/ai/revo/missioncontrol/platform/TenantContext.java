package ai.revo.missioncontrol.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The tenant the current thread works for. Every transaction copies it into the PostgreSQL setting
 * {@code app.tenant_id}, which the row-level security policies compare against. Requests set it from the
 * authenticated principal; background work sets it explicitly with {@link #callAs} or {@link #runAs}.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    /** Returns the tenant of this thread, or empty when none is set (RLS then shows no tenant rows). */
    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} for {@code tenantId} (must not be null) and restores the previous tenant afterwards. */
    public static <T> T callAs(UUID tenantId, Callable<T> work) {
        if (tenantId == null) {
            throw new IllegalArgumentException("tenantId must not be null");
        }
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            restore(previous);
        }
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** For request filters: binds the tenant until {@link #clear()} is called. */
    public static void bind(UUID tenantId) {
        CURRENT.set(tenantId);
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static void restore(UUID previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
