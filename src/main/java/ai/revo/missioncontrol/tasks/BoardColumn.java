package ai.revo.missioncontrol.tasks;

/** The four columns of the board. Only an ADMIN moves a task into DONE (or out of it). */
public enum BoardColumn {
    BACKLOG,
    DOING,
    NEEDS_APPROVAL,
    DONE
}
