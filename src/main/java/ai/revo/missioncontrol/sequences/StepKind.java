package ai.revo.missioncontrol.sequences;

/** What a step does. WHATSAPP and SMS are part of the model but refused when a sequence is saved (not yet sendable). */
public enum StepKind {
    EMAIL,
    WHATSAPP,
    SMS,
    TASK,
    WAIT
}
