using Redress.Complaints;

namespace Redress.Playbooks;

/// <summary>A manual step an agent ticked off on a case, for the playbook version the case follows.</summary>
public sealed class CompletedStep
{
    private CompletedStep()
    {
    }

    internal CompletedStep(string playbookId, int playbookVersion, string stepId, Actor by, DateTime at, string? note)
    {
        PlaybookId = playbookId;
        PlaybookVersion = playbookVersion;
        StepId = stepId;
        CompletedById = by.Id;
        CompletedByName = by.Name;
        CompletedAt = at;
        Note = note;
    }

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public string PlaybookId { get; private set; } = "";
    public int PlaybookVersion { get; private set; }
    public string StepId { get; private set; } = "";
    public string? CompletedById { get; private set; }
    public string CompletedByName { get; private set; } = "";
    public DateTime CompletedAt { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>One of at most three actions promised to the customer, most immediate first.</summary>
public sealed class PlannedAction
{
    private PlannedAction()
    {
    }

    internal PlannedAction(int position, string description, string ownerId, string ownerName, DateTime dueAt, DateTime? doneAt)
    {
        Position = position;
        Description = description;
        OwnerId = ownerId;
        OwnerName = ownerName;
        DueAt = dueAt;
        DoneAt = doneAt;
    }

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    /// <summary>1 is the most immediate.</summary>
    public int Position { get; private set; }
    public string Description { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public DateTime DueAt { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public bool IsDone => DoneAt is not null;
}

/// <summary>What an agent asks for when setting the plan; the owner is already resolved to a member of staff.</summary>
public sealed record ActionInput(string Description, string OwnerId, string OwnerName, DateTime DueAt, bool Done);

/// <summary>
/// Someone handed the case to another owner. Handing over does not end their duty to the customer: they still
/// follow up ("even if you handed this off to someone else", strategy 7), and the case cannot close until they have.
/// </summary>
public sealed class CircleBackDuty
{
    private CircleBackDuty()
    {
    }

    internal CircleBackDuty(string staffId, string staffName, DateTime handedOverAt)
    {
        StaffId = staffId;
        StaffName = staffName;
        HandedOverAt = handedOverAt;
    }

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public string StaffId { get; private set; } = "";
    public string StaffName { get; private set; } = "";
    public DateTime HandedOverAt { get; private set; }
    public DateTime? CircledBackAt { get; private set; }

    internal void Discharge(DateTime at) => CircledBackAt = at;
}

/// <summary>Something that stops a case leaving its stage: a code tools can match and a sentence for people.</summary>
public sealed record UnmetGate(string Code, string Message);

/// <summary>The case may not leave its stage yet; <see cref="Unmet"/> says everything that is missing.</summary>
public sealed class GateClosedException(string stageTitle, IReadOnlyList<UnmetGate> unmet)
    : DomainRuleException($"The case cannot leave {stageTitle} yet: " + string.Join(" ", unmet.Select(u => u.Message)))
{
    public IReadOnlyList<UnmetGate> Unmet { get; } = unmet;
}
