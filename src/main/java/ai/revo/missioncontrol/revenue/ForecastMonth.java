package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;

/** Open deals expected to close in one month ({@code yyyy-MM}, the workspace's calendar), in one currency. */
public record ForecastMonth(String month, String currency, long count, BigDecimal unweighted, BigDecimal weighted) {}
