package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's revenue settings (one row, or the defaults when there is none). */
@Service
public class RevenueSettings {

    /** Seed 002's discount authority: nobody offers more than this without an admin's exception. */
    public static final BigDecimal MAX_CAP = new BigDecimal("20.00");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RevenueSettings(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public RevenueSettingsView get(TenantId tenant) {
        return jdbc.sql("select max_discount_percent, seller_address, seller_tax_id from revenue_settings "
                        + "where tenant_id = ?")
                .params(tenant.value())
                .query((rs, n) ->
                        new RevenueSettingsView(rs.getBigDecimal(1).setScale(2), rs.getString(2), rs.getString(3)))
                .optional()
                .orElse(new RevenueSettingsView(MAX_CAP, null, null));
    }

    /** Changes the fields sent (null: unchanged); 400 for a cap outside 0–20 %. */
    @Transactional
    public RevenueSettingsView change(
            TenantId tenant, BigDecimal maxDiscountPercent, String sellerAddress, String sellerTaxId, Actor actor) {
        RevenueSettingsView before = get(tenant);
        BigDecimal cap = before.maxDiscountPercent();
        if (maxDiscountPercent != null) {
            if (maxDiscountPercent.signum() < 0
                    || maxDiscountPercent.compareTo(MAX_CAP) > 0
                    || maxDiscountPercent.stripTrailingZeros().scale() > 2) {
                throw ApiException.invalidField(
                        "maxDiscountPercent", "must be between 0 and 20 with at most 2 decimals");
            }
            cap = maxDiscountPercent.setScale(2, RoundingMode.UNNECESSARY);
        }
        String address = sellerAddress == null ? before.sellerAddress() : blankToNull(sellerAddress, "sellerAddress");
        String taxId = sellerTaxId == null ? before.sellerTaxId() : blankToNull(sellerTaxId, "sellerTaxId");
        jdbc.sql("insert into revenue_settings (tenant_id, max_discount_percent, seller_address, seller_tax_id) "
                        + "values (?, ?, ?, ?) on conflict (tenant_id) do update set max_discount_percent = "
                        + "excluded.max_discount_percent, seller_address = excluded.seller_address, seller_tax_id = "
                        + "excluded.seller_tax_id, version = revenue_settings.version + 1, updated_at = now()")
                .params(tenant.value(), cap, address, taxId)
                .update();
        RevenueSettingsView after = new RevenueSettingsView(cap, address, taxId);
        events.publishEvent(new RevenueSettingsEdited(tenant.value(), before, after, actor));
        return after;
    }

    private static String blankToNull(String value, String field) {
        if (value.length() > 1000) {
            throw ApiException.invalidField(field, "must be at most 1,000 characters");
        }
        return value.isBlank() ? null : value.strip();
    }
}
