package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import ai.revo.missioncontrol.platform.TablePersonalData;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class SequencePersonalData extends TablePersonalData {

    SequencePersonalData(PersonalDataTables tables) {
        super(tables, "sequences", "sequence_enrolments:id,lead_id,contact_id", "sequence_step_runs:enrolment_id,*");
    }

    @Override
    protected DataSubject expand(DataSubject subject) {
        return subject.with(tables().idsAbout(subject, "sequence_enrolments:lead_id,contact_id", "id"));
    }
}
