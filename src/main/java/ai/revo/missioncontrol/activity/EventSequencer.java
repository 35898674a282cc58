package ai.revo.missioncontrol.activity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers each workspace's committed events 1, 2, 3, ... Writers store events without a number and take no lock;
 * a numbering pass (one per workspace at a time, cluster-wide, by an advisory lock held only for the pass) gives
 * numbers, in (transaction id, log position) order, to the committed events whose transaction lies below the
 * visibility horizon: every transaction with a smaller id has ended, so no event can later appear before them.
 * A reader that has seen seq N therefore never misses an event numbered after it, and numbers carry nothing of
 * other workspaces' activity.
 *
 * <p>A pass runs right after every commit that wrote events (coalesced per workspace) and tells live delivery on
 * this node and the others; readers of the feed run one first when numbering is behind; a periodic sweep numbers
 * what a stopped node left. An event whose transaction is held back by an older one still open waits for it.
 */
@Component
class EventSequencer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventSequencer.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /** The pass itself (V0106): lock, numbering and answer in one statement, its own short transaction. */
    private static final String NUMBER = "select top, waiting from activity_number_events(?)";

    /** The outcome of one pass: the highest number given (null: none) and whether committed events still wait. */
    record Pass(Long top, boolean waiting) {}

    private final class Workspace {
        final UUID tenant;
        final AtomicBoolean running = new AtomicBoolean();
        volatile boolean again;

        Workspace(UUID tenant) {
            this.tenant = tenant;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate outsideTransactions;
    private final LiveEvents live;
    private final Map<UUID, Workspace> workspaces = new ConcurrentHashMap<>();
    private final ExecutorService passes = Executors.newCachedThreadPool(LiveEvents.daemonThreads("event-numbering-"));

    EventSequencer(JdbcClient jdbc, PlatformTransactionManager transactions, LiveEvents live) {
        this.jdbc = jdbc;
        this.outsideTransactions = new TransactionTemplate(transactions);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.live = live;
    }

    /** Events of {@code tenant} were committed: number them soon and tell live delivery. Never blocks. */
    void committed(UUID tenant) {
        Workspace w = workspaces.computeIfAbsent(tenant, Workspace::new);
        w.again = true;
        if (w.running.compareAndSet(false, true)) {
            try {
                passes.execute(() -> run(w));
            } catch (RuntimeException rejected) {
                w.running.set(false);
            }
        }
    }

    private void run(Workspace w) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long backoffMicros = 200;
        try {
            while (w.again && System.nanoTime() < deadline) {
                w.again = false;
                Pass pass = pass(w.tenant);
                if (pass.waiting()) {
                    // an older transaction is still open; try again shortly
                    w.again = true;
                    TimeUnit.MICROSECONDS.sleep(backoffMicros);
                    backoffMicros = Math.min(backoffMicros * 2, 50_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not number new events of workspace {}: {}", w.tenant, e.getMessage());
        } finally {
            w.running.set(false);
        }
        if (w.again && !passes.isShutdown() && System.nanoTime() < deadline) {
            committed(w.tenant);
        }
    }

    /** One numbering pass for {@code tenant}; tells live delivery when it numbered anything. */
    Pass pass(UUID tenant) {
        // never inside the caller's transaction: the pass commits on its own, at once
        Pass pass = outsideTransactions.execute(s -> jdbc.sql(NUMBER)
                .param(tenant)
                .query((rs, n) -> new Pass(rs.getObject("top", Long.class), rs.getBoolean("waiting")))
                .single());
        if (pass.top() != null) {
            live.numbered(tenant, pass.top());
        }
        return pass;
    }

    /**
     * Makes sure the events of {@code tenant} committed before this call are numbered (waiting up to a few seconds
     * for older transactions still open), so a reader sees its own writes. Cheap when numbering is up to date.
     */
    void catchUp(UUID tenant) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long backoffMicros = 200;
        while (pass(tenant).waiting() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MICROSECONDS.sleep(backoffMicros);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoffMicros = Math.min(backoffMicros * 2, 50_000);
        }
    }

    /** Numbers what a node that stopped between a commit and its numbering pass left behind. */
    @Scheduled(
            fixedDelayString = "${mc.events.numbering-sweep:10s}",
            initialDelayString = "${mc.events.numbering-sweep:10s}")
    void sweep() {
        try {
            List<UUID> tenants = jdbc.sql("select * from activity_workspaces_with_unnumbered_events()")
                    .query(UUID.class)
                    .list();
            tenants.forEach(this::committed);
        } catch (RuntimeException e) {
            log.warn("Could not look for events waiting for their number: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        passes.shutdownNow();
    }
}
