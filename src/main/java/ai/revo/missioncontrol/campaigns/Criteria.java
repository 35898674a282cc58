package ai.revo.missioncontrol.campaigns;

import java.util.List;

/**
 * The ideal customer, used to score leads: values of each dimension with a weight from 0 to 100.
 */
public record Criteria(
        List<Weighted> industries, List<Weighted> companySizes, List<Weighted> titles, List<Weighted> locations) {

    public record Weighted(String value, int weight) {
        public Weighted {
            if (value == null || value.isBlank() || value.length() > 200) {
                throw new IllegalArgumentException("criteria values must be 1 to 200 characters");
            }
            if (weight < 0 || weight > 100) {
                throw new IllegalArgumentException("criteria weights must be between 0 and 100");
            }
            value = value.trim();
        }
    }

    public Criteria {
        industries = industries == null ? List.of() : List.copyOf(industries);
        companySizes = companySizes == null ? List.of() : List.copyOf(companySizes);
        titles = titles == null ? List.of() : List.copyOf(titles);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    public static Criteria none() {
        return new Criteria(null, null, null, null);
    }
}
