package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * This module's part of a privacy request: its own tables' rows about the person, exported or erased. A pipeline
 * run's step copies its agent run's failure (which may name the lead) into its reason: the steps of the agent runs
 * about the person are about them too, as are steps whose reason names them.
 */
@Component
class AgentPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {"agent_run_items:item_id,*", "agent_runs:*", "briefs:*"};

    private static final String STEPS = "pipeline_run_steps:agent_run_id,*,@";

    private final PersonalDataTables tables;

    AgentPersonalData(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public String section() {
        return "agents";
    }

    private DataSubject expand(DataSubject subject) {
        DataSubject s = subject;
        return s;
    }

    @Override
    public List<java.util.UUID> related(DataSubject subject) {
        return expand(subject).related();
    }

    /**
     * With the agent runs about the person, for the pipeline steps only: an agent run works on many leads, so rows
     * elsewhere that merely mention the run are not about this person.
     */
    private DataSubject withRuns(DataSubject subject) {
        return subject.with(tables.idsAbout(subject, "agent_runs:*", "id"));
    }

    @Override
    public Map<String, List<Object>> export(DataSubject subject) {
        DataSubject s = expand(subject);
        Map<String, List<Object>> out = new java.util.LinkedHashMap<>(tables.export(s, TABLES));
        out.putAll(tables.export(withRuns(s), STEPS));
        return out;
    }

    @Override
    public void erase(DataSubject subject) {
        DataSubject s = expand(subject);
        DataSubject steps = withRuns(s);
        tables.scrub(s, TABLES);
        tables.scrub(steps, STEPS);
    }
}
