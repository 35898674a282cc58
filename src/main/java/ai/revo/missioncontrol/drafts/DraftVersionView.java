package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;

/** One numbered content of a draft, with who wrote it and why. */
public record DraftVersionView(
        int number, String subject, String bodyText, String bodyHtml, Actor author, String reason, Instant createdAt) {}
