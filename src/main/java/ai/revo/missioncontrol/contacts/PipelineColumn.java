package ai.revo.missioncontrol.contacts;

import java.math.BigDecimal;
import java.util.Map;

/** One Kanban column: how many leads have this status and their potential value, per currency. */
public record PipelineColumn(LeadStatus status, long count, Map<String, BigDecimal> potentialValue) {}
