package ai.revo.missioncontrol.revenue;

import java.util.List;

/**
 * The workspace's dunning schedule: {@code offsets} in days from the due date, ascending (negative: before it); the
 * last is the final notice, after which the invoice is flagged for a person. {@code autoApprove}: reminders go out
 * without review.
 */
public record DunningSettingsView(List<Integer> offsets, boolean autoApprove) {

    public static final List<Integer> DEFAULT_OFFSETS = List.of(-3, 1, 7, 14, 30);

    public int finalNoticeDay() {
        return offsets.get(offsets.size() - 1);
    }
}
