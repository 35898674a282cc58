package ai.revo.missioncontrol.agents;

import java.util.Locale;
import java.util.Map;

/**
 * A person's time zone from where they are: a known city first, else a country with a single zone. Null when
 * neither tells (a country with several zones and an unknown city).
 */
final class TimeZones {

    private static final Map<String, String> CITIES = Map.ofEntries(
            Map.entry("toronto", "America/Toronto"), Map.entry("ottawa", "America/Toronto"),
            Map.entry("montreal", "America/Toronto"), Map.entry("montréal", "America/Toronto"),
            Map.entry("mississauga", "America/Toronto"), Map.entry("hamilton", "America/Toronto"),
            Map.entry("quebec", "America/Toronto"), Map.entry("vancouver", "America/Vancouver"),
            Map.entry("victoria", "America/Vancouver"), Map.entry("calgary", "America/Edmonton"),
            Map.entry("edmonton", "America/Edmonton"), Map.entry("winnipeg", "America/Winnipeg"),
            Map.entry("halifax", "America/Halifax"), Map.entry("new york", "America/New_York"),
            Map.entry("boston", "America/New_York"), Map.entry("miami", "America/New_York"),
            Map.entry("atlanta", "America/New_York"), Map.entry("chicago", "America/Chicago"),
            Map.entry("dallas", "America/Chicago"), Map.entry("austin", "America/Chicago"),
            Map.entry("houston", "America/Chicago"), Map.entry("denver", "America/Denver"),
            Map.entry("phoenix", "America/Phoenix"), Map.entry("los angeles", "America/Los_Angeles"),
            Map.entry("san francisco", "America/Los_Angeles"), Map.entry("seattle", "America/Los_Angeles"),
            Map.entry("london", "Europe/London"), Map.entry("dublin", "Europe/Dublin"),
            Map.entry("paris", "Europe/Paris"), Map.entry("berlin", "Europe/Berlin"),
            Map.entry("madrid", "Europe/Madrid"), Map.entry("lisbon", "Europe/Lisbon"),
            Map.entry("amsterdam", "Europe/Amsterdam"), Map.entry("sydney", "Australia/Sydney"),
            Map.entry("melbourne", "Australia/Melbourne"), Map.entry("mexico city", "America/Mexico_City"),
            Map.entry("sao paulo", "America/Sao_Paulo"), Map.entry("são paulo", "America/Sao_Paulo"));

    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("uk", "Europe/London"),
            Map.entry("united kingdom", "Europe/London"),
            Map.entry("gb", "Europe/London"),
            Map.entry("ireland", "Europe/Dublin"),
            Map.entry("ie", "Europe/Dublin"),
            Map.entry("france", "Europe/Paris"),
            Map.entry("fr", "Europe/Paris"),
            Map.entry("germany", "Europe/Berlin"),
            Map.entry("de", "Europe/Berlin"),
            Map.entry("spain", "Europe/Madrid"),
            Map.entry("es", "Europe/Madrid"),
            Map.entry("italy", "Europe/Rome"),
            Map.entry("it", "Europe/Rome"),
            Map.entry("netherlands", "Europe/Amsterdam"),
            Map.entry("nl", "Europe/Amsterdam"),
            Map.entry("portugal", "Europe/Lisbon"),
            Map.entry("pt", "Europe/Lisbon"),
            Map.entry("india", "Asia/Kolkata"),
            Map.entry("in", "Asia/Kolkata"),
            Map.entry("japan", "Asia/Tokyo"),
            Map.entry("jp", "Asia/Tokyo"),
            Map.entry("singapore", "Asia/Singapore"),
            Map.entry("sg", "Asia/Singapore"),
            Map.entry("new zealand", "Pacific/Auckland"),
            Map.entry("nz", "Pacific/Auckland"));

    private TimeZones() {}

    static String guess(String city, String country) {
        if (city != null) {
            String zone = CITIES.get(city.trim().toLowerCase(Locale.ROOT));
            if (zone != null) {
                return zone;
            }
        }
        return country == null ? null : COUNTRIES.get(country.trim().toLowerCase(Locale.ROOT));
    }
}
