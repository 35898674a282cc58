package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The revenue figures of the home page, each per currency, from the same queries as the API's. */
@Service
public class RevenueSummary {

    /**
     * @param openPipeline the total of open deals
     * @param weightedThisMonth open deals expected to close this month (workspace calendar), probability-weighted
     * @param weightedNextMonth the same for next month
     * @param wonThisMonth deals won since the first of this month
     * @param overdueReceivables what overdue invoices still owe
     */
    public record Figures(
            Map<String, BigDecimal> openPipeline,
            Map<String, BigDecimal> weightedThisMonth,
            Map<String, BigDecimal> weightedNextMonth,
            Map<String, BigDecimal> wonThisMonth,
            Map<String, BigDecimal> overdueReceivables) {

        public boolean empty() {
            return openPipeline.isEmpty() && wonThisMonth.isEmpty() && overdueReceivables.isEmpty();
        }
    }

    private final Deals deals;
    private final Invoices invoices;

    RevenueSummary(Deals deals, Invoices invoices) {
        this.deals = deals;
        this.invoices = invoices;
    }

    public Figures of(TenantId tenant) {
        Map<String, BigDecimal> open = new LinkedHashMap<>();
        for (PipelineColumn c : deals.pipeline(tenant)) {
            if (c.stage().kind() == StageKind.OPEN) {
                c.total().forEach((currency, v) -> open.merge(currency, v, BigDecimal::add));
            }
        }
        String thisMonth = YearMonth.from(deals.today(tenant)).toString();
        Map<String, BigDecimal> now = new LinkedHashMap<>();
        Map<String, BigDecimal> next = new LinkedHashMap<>();
        List<ForecastMonth> forecast = deals.forecast(tenant, 2);
        for (ForecastMonth m : forecast) {
            (m.month().equals(thisMonth) ? now : next).merge(m.currency(), m.weighted(), BigDecimal::add);
        }
        return new Figures(open, now, next, deals.wonThisMonth(tenant), invoices.overdueReceivables(tenant));
    }
}
