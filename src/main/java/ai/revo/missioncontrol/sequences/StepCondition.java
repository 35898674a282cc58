package ai.revo.missioncontrol.sequences;

/** A condition on the previous step's email: the step runs only when it holds, and is skipped otherwise. */
public enum StepCondition {
    OPENED,
    NOT_OPENED,
    CLICKED,
    NOT_REPLIED
}
