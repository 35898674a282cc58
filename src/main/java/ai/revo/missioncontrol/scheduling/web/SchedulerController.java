package ai.revo.missioncontrol.scheduling.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.scheduling.JobRunView;
import ai.revo.missioncontrol.scheduling.JobTrigger;
import ai.revo.missioncontrol.scheduling.JobView;
import ai.revo.missioncontrol.scheduling.RunStatus;
import ai.revo.missioncontrol.scheduling.SchedulerJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/scheduler")
@Tag(name = "Scheduler")
class SchedulerController {

    private final SchedulerJobs jobs;

    SchedulerController(SchedulerJobs jobs) {
        this.jobs = jobs;
    }

    record RunNowAccepted(UUID runId) {}

    @GetMapping("/jobs")
    @Operation(summary = "The workspace's scheduler jobs with their next fire time and last run")
    PageResult<JobView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return jobs.list(user.tenantId(), new PageQuery(page, limit));
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "One job")
    JobView get(CurrentUser user, @PathVariable UUID id) {
        return jobs.get(user.tenantId(), id);
    }

    @PostMapping("/jobs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a job: key, name, cron (five fields, e.g. 30 16 * * *), timezone, agent")
    JobView create(CurrentUser user, @RequestBody SchedulerJobs.NewJob job) {
        return jobs.create(user.tenantId(), job, user.actor());
    }

    @PatchMapping("/jobs/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a job's name, cron, timezone, agent, parameters, or enable/disable it")
    JobView change(CurrentUser user, @PathVariable UUID id, @RequestBody SchedulerJobs.JobChange change) {
        return jobs.change(user.tenantId(), id, change, user.actor());
    }

    @PostMapping("/jobs/{id}/run-now")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Run a job now, in the background; answers the run's id (409 when the job is disabled)")
    RunNowAccepted runNow(CurrentUser user, @PathVariable UUID id) {
        return new RunNowAccepted(jobs.runNow(user.tenantId(), id, user.actor()));
    }

    @GetMapping("/runs")
    @Operation(summary = "Run history, newest first; filters jobId, status, trigger")
    PageResult<JobRunView> runs(
            CurrentUser user,
            @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String trigger,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return jobs.runs(
                user.tenantId(),
                new SchedulerJobs.RunFilter(
                        jobId, parse(RunStatus.class, "status", status), parse(JobTrigger.class, "trigger", trigger)),
                new PageQuery(page, limit));
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One run")
    JobRunView run(CurrentUser user, @PathVariable UUID id) {
        return jobs.run(user.tenantId(), id);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(
                    field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
