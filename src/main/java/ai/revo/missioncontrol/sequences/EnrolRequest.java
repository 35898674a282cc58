package ai.revo.missioncontrol.sequences;

import java.util.List;
import java.util.UUID;

/** Whom to enrol: {@code leadIds}, or every lead of the sequence's campaign matching {@code filter} (not both). */
public record EnrolRequest(List<UUID> leadIds, Filter filter) {

    /** The campaign's leads filter; every field optional ({@code q} searches name, email and company). */
    public record Filter(String status, String score, String q) {}
}
