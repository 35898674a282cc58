package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.RetryBackoff;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler task that performs one pipeline run ({@code <pipelineRunId>}, data: the workspace). */
@Configuration(proxyBeanMethods = false)
class PipelineTask {

    @Bean
    static OneTimeTask<String> agentPipelineTask(ObjectProvider<PipelineRuns> pipeline) {
        return Tasks.oneTime(PipelineRuns.TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> pipeline.getObject()
                        .execute(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }
}
