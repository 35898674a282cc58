package ai.revo.missioncontrol.knowledge;

import java.util.UUID;

/** One passage of a source: where it sits (position, PDF page or heading) and its text. */
public record ChunkView(UUID id, UUID sourceId, int position, Integer page, String heading, String text) {}
