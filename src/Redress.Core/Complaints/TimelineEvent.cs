namespace Redress.Complaints;

/// <summary>One line of a case's append-only history: what happened, who did it, when.</summary>
public sealed class TimelineEvent
{
    private TimelineEvent()
    {
    }

    internal TimelineEvent(string kind, string summary, Actor actor, DateTime occurredAt, Message? message = null)
    {
        Kind = kind;
        Summary = summary;
        ActorName = actor.Name;
        ActorId = actor.Id;
        OccurredAt = occurredAt;
        Message = message;
    }

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    /// <summary>A stable code (see <see cref="TimelineKinds"/>) that tools can filter on.</summary>
    public string Kind { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? ActorId { get; private set; }
    public DateTime OccurredAt { get; private set; }
    /// <summary>The message this event is about, when there is one.</summary>
    public long? MessageId { get; private set; }
    public Message? Message { get; private set; }
}

public static class TimelineKinds
{
    public const string Received = "received";
    public const string Acknowledged = "acknowledged";
    public const string OwnerAssigned = "owner_assigned";
    public const string ReplySent = "reply_sent";
    public const string NoteAdded = "note_added";
    public const string CustomerReplied = "customer_replied";
    public const string StatusChanged = "status_changed";
    public const string StageChanged = "stage_changed";
    public const string StepCompleted = "step_completed";
    public const string PlaybookSwitched = "playbook_switched";
    public const string ProblemStated = "problem_stated";
    public const string ProblemConfirmed = "problem_confirmed";
    public const string AllSaid = "all_said";
    public const string ActionPlanSet = "action_plan_set";
    public const string RemedyAgreed = "remedy_agreed";
    public const string FollowUp = "follow_up";
    public const string SatisfactionRecorded = "satisfaction_recorded";
    public const string Closed = "closed";
}
