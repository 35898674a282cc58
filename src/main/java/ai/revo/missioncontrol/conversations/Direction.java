package ai.revo.missioncontrol.conversations;

/** IN: the person wrote to us; OUT: we wrote to the person. */
public enum Direction {
    IN,
    OUT
}
