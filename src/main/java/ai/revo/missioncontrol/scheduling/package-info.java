/**
 * Owns each workspace's cron jobs and their runs, triggered by the PostgreSQL-backed cluster scheduler
 * (db-scheduler) so that a due job runs exactly once across nodes. The work itself is supplied by other modules
 * through {@link ai.revo.missioncontrol.scheduling.JobWork}. Publishes {@code scheduler.job.*} events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Scheduling",
        allowedDependencies = {"identity"})
package ai.revo.missioncontrol.scheduling;
