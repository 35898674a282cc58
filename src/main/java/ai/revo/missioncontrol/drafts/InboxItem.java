package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.contacts.LeadView;

/** A draft waiting for approval, with its campaign's name and its lead (null when the draft has none). */
public record InboxItem(DraftView draft, String campaignName, LeadView lead) {}
