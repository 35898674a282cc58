package ai.revo.missioncontrol.revenue;

import java.time.LocalDate;

/**
 * A contract as a client sends it: {@code title}, the {@code template} with merge fields (null: the workspace's
 * default), free-text {@code terms} and {@code expiresOn} (the last day it may be signed). On change, a field left
 * null stays as it is.
 */
public record ContractDraft(String title, String template, String terms, LocalDate expiresOn) {}
