namespace MarketingDev.SyncMeetings.Domain;

/// <summary>The four blocks of the sync, in the order they run.</summary>
public enum Section { Initiatives, Roadblocks, QuickWins, ActionItems }

public enum ParticipantFunction { Marketing, Development, Product, Design, Other }

public enum AgendaItemKind { Request, Roadblock, Idea, ActionItem }

/// <summary>Marks on an agenda item: a draft initiative, one that needs a kick-off workshop, one to ask "still relevant?" about, an overdue action item.</summary>
public enum AgendaMark { Draft, NeedsKickoff, StillRelevant, Overdue }

public enum IdeaStatus { New, Discussed, Dropped, Promoted }

public enum ActionItemStatus { Open, Done }

public enum MeetingStatus { Scheduled, Completed }

public enum NoteKind { Feasibility, Decision, Note }

public enum SessionType { DevDemo, LunchAndLearn, Workshop, Kickoff, Strategy, Retrospective }
