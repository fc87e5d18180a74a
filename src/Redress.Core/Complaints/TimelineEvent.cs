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
}
