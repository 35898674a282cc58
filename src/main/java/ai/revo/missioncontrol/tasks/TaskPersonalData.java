package ai.revo.missioncontrol.tasks;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import ai.revo.missioncontrol.platform.TablePersonalData;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class TaskPersonalData extends TablePersonalData {

    TaskPersonalData(PersonalDataTables tables) {
        super(tables, "tasks", "tasks:id,lead_id,*", "task_events:task_id,*");
    }

    @Override
    protected DataSubject expand(DataSubject subject) {
        return subject.with(tables().idsAbout(subject, "tasks:lead_id,*", "id"));
    }
}
