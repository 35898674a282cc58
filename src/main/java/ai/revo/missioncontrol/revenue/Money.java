package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Exact amounts in a currency: never floating point. The one rounding rule of the module is half-up to the currency's
 * minor unit (2 digits for EUR, 0 for JPY, 3 for KWD).
 */
final class Money {

    private Money() {}

    /** The ISO 4217 code, upper case; 400 naming the field when it is not a known currency. */
    static String currency(String field, String code) {
        if (code == null || code.isBlank()) {
            throw ApiException.invalidField(field, "is required");
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (!c.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException();
            }
            Currency.getInstance(c);
            return c;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be a three-letter ISO 4217 code such as EUR");
        }
    }

    static int minorDigits(String currency) {
        int d = Currency.getInstance(currency).getDefaultFractionDigits();
        return d < 0 ? 2 : d;
    }

    /** An amount as entered: not negative, no more decimals than the currency has, at its minor unit's scale. */
    static BigDecimal amount(String field, BigDecimal value, String currency) {
        if (value == null) {
            throw ApiException.invalidField(field, "is required");
        }
        int digits = minorDigits(currency);
        if (value.signum() < 0) {
            throw ApiException.invalidField(field, "must not be negative");
        }
        if (value.stripTrailingZeros().scale() > digits) {
            throw ApiException.invalidField(field, "has more decimals than " + currency + " has (" + digits + ")");
        }
        if (value.precision() - value.scale() > 13) {
            throw ApiException.invalidField(field, "is too large");
        }
        return value.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** Rounds half-up to the currency's minor unit. */
    static BigDecimal round(BigDecimal value, String currency) {
        return value.setScale(minorDigits(currency), RoundingMode.HALF_UP);
    }

    /** {@code amount × percent / 100}, exact (not rounded). */
    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).movePointLeft(2);
    }
}
