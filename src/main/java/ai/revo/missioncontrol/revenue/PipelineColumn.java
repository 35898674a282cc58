package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One column of the deals pipeline: the stage, how many deals are in it, their total and weighted value per currency
 * (weighted: each deal's amount × its probability, summed, then half-up to the currency's minor unit).
 */
public record PipelineColumn(
        StageView stage, long count, Map<String, BigDecimal> total, Map<String, BigDecimal> weighted) {}
