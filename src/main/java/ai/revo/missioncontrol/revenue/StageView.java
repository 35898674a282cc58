package ai.revo.missioncontrol.revenue;

import java.util.UUID;

/** One stage of the workspace's pipeline, in order ({@code position} from 0). */
public record StageView(UUID id, String name, int position, int probability, StageKind kind) {}
