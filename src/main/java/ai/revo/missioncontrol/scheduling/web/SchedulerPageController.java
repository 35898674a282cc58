package ai.revo.missioncontrol.scheduling.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.scheduling.JobTrigger;
import ai.revo.missioncontrol.scheduling.RunStatus;
import ai.revo.missioncontrol.scheduling.SchedulerJobs;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Scheduler page: jobs with their next fire times, enable and disable, cron edits, run now, run history. */
@Controller
@RequestMapping("/scheduler")
class SchedulerPageController {

    private final SchedulerJobs jobs;

    SchedulerPageController(SchedulerJobs jobs) {
        this.jobs = jobs;
    }

    @Bean
    static NavigationItem schedulerNavigation() {
        return new NavigationItem(NavigationGroup.AUTOMATE, "Scheduler", "/scheduler", "clock-play", 260, null);
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        jobsModel(user, model);
        runsModel(user, null, null, null, model);
        return "scheduling/scheduler";
    }

    @GetMapping("/jobs")
    String jobsTable(CurrentUser user, Model model) {
        jobsModel(user, model);
        return "scheduling/scheduler :: jobs";
    }

    @GetMapping("/runs")
    String runsTable(
            CurrentUser user,
            @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String trigger,
            Model model) {
        runsModel(user, jobId, status, trigger, model);
        return "scheduling/scheduler :: runs";
    }

    @PostMapping("/jobs/{id}/enabled")
    @PreAuthorize("hasRole('ADMIN')")
    String setEnabled(CurrentUser user, @PathVariable UUID id, @RequestParam boolean enabled, Model model) {
        jobs.change(
                user.tenantId(), id, new SchedulerJobs.JobChange(null, null, null, enabled, null, null), user.actor());
        jobsModel(user, model);
        return "scheduling/scheduler :: jobs";
    }

    @PostMapping("/jobs/{id}/schedule")
    @PreAuthorize("hasRole('ADMIN')")
    String reschedule(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam String cron,
            @RequestParam String timezone,
            Model model) {
        try {
            jobs.change(
                    user.tenantId(),
                    id,
                    new SchedulerJobs.JobChange(null, cron, timezone, null, null, null),
                    user.actor());
        } catch (ApiException invalid) {
            model.addAttribute("editError", invalid.getMessage());
            model.addAttribute("editJobId", id);
            model.addAttribute("editCron", cron);
            model.addAttribute("editZone", timezone);
        }
        jobsModel(user, model);
        return "scheduling/scheduler :: jobs";
    }

    @PostMapping("/jobs/{id}/run-now")
    @PreAuthorize("hasRole('ADMIN')")
    String runNow(CurrentUser user, @PathVariable UUID id, Model model) {
        try {
            model.addAttribute("queuedRunId", jobs.runNow(user.tenantId(), id, user.actor()));
        } catch (ApiException refused) {
            model.addAttribute("runError", refused.getMessage());
        }
        jobsModel(user, model);
        return "scheduling/scheduler :: jobs";
    }

    private void jobsModel(CurrentUser user, Model model) {
        model.addAttribute(
                "jobs", jobs.list(user.tenantId(), new PageQuery(1, 200)).data());
    }

    private void runsModel(CurrentUser user, UUID jobId, String status, String trigger, Model model) {
        model.addAttribute(
                "runs",
                jobs.runs(
                        user.tenantId(),
                        new SchedulerJobs.RunFilter(
                                jobId,
                                SchedulerController.parse(RunStatus.class, "status", status),
                                SchedulerController.parse(JobTrigger.class, "trigger", trigger)),
                        new PageQuery(1, 50)));
        model.addAttribute("filterJobId", jobId);
        model.addAttribute("filterStatus", status);
        model.addAttribute("filterTrigger", trigger);
        model.addAttribute("statuses", RunStatus.values());
        model.addAttribute("triggers", JobTrigger.values());
    }
}
