package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.outbound.ChannelStatus;

/**
 * A draft waiting for approval, with its campaign's name, its lead (null when the draft has none) and whether its
 * channel can send right now ({@code channelStatus.canSend()} false: approving it would not get it out).
 */
public record InboxItem(DraftView draft, String campaignName, LeadView lead, ChannelStatus channelStatus) {}
