using Redress.Complaints;

namespace Redress.Sla;

/// <summary>When the customer can expect a first answer and a resolution, by priority.</summary>
public sealed record SlaPolicy(IReadOnlyDictionary<Priority, SlaTargets> Targets)
{
    /// <summary>Sensible defaults until an admin sets policies: an urgent case is answered within the hour.</summary>
    public static SlaPolicy Default { get; } = new(new Dictionary<Priority, SlaTargets>
    {
        [Priority.Urgent] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(24)),
        [Priority.High] = new(TimeSpan.FromHours(4), TimeSpan.FromDays(2)),
        [Priority.Normal] = new(TimeSpan.FromHours(24), TimeSpan.FromDays(5)),
        [Priority.Low] = new(TimeSpan.FromHours(48), TimeSpan.FromDays(10)),
    });

    public SlaDueTimes DueTimes(Priority priority, DateTime receivedAt)
    {
        var targets = Targets[priority];
        return new SlaDueTimes(receivedAt, receivedAt + targets.FirstResponse, receivedAt + targets.Resolve);
    }
}

public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolve);

/// <summary>The acknowledgement is sent on receipt, so it is always met at once.</summary>
public sealed record SlaDueTimes(DateTime AcknowledgedAt, DateTime FirstResponseDue, DateTime ResolveDue);
