using Redress.Coaching;
using Redress.Complaints;

namespace Redress.Web.Complaints;

// What the API returns and the pages show. Hand-written projections keep the wire format independent of the entities.

public sealed record StaffRef(string Id, string Name);

public sealed record CustomerView(string Name, string Email, string? Phone);

public sealed record SlaView(DateTime AcknowledgedAt, DateTime FirstResponseDue, DateTime? FirstRespondedAt, DateTime ResolveDue);

/// <summary>A message on a case; one from the customer also says how it reached us and how it reads.</summary>
public sealed record MessageView(long Id, MessageDirection Direction, string Body, string Author, DateTime CreatedAt, Channel? Via, ToneView? Tone)
{
    public static MessageView Of(Message m) => new(m.Id, m.Direction, m.Body, m.AuthorName, m.CreatedAt, m.Via, m.Tone is { } tone ? ToneView.Of(tone) : null);
}

public sealed record TimelineEntryView(string Kind, string Summary, string Actor, DateTime OccurredAt, long? MessageId);

public sealed record AcknowledgementView(DateTime SentAt, string Message);

/// <summary>The 201 answer to intake.</summary>
public sealed record FiledComplaint(
    string Reference,
    ComplaintStatus Status,
    string? Playbook,
    string? Stage,
    StaffRef? Owner,
    SlaView Sla,
    AcknowledgementView Acknowledgement);

public sealed record ComplaintSummary(
    string Reference,
    string Subject,
    ComplaintStatus Status,
    Priority Priority,
    string Category,
    Channel Channel,
    string CustomerName,
    StaffRef? Owner,
    DateTime ReceivedAt,
    DateTime UpdatedAt,
    DateTime NextDueAt,
    DateTime? FirstRespondedAt,
    string Playbook,
    int PlaybookVersion,
    string Stage,
    ToneView Tone);

/// <summary>How angry the customer's words read (0 to 1), the named signals, and whether the case counts as volatile.</summary>
public sealed record ToneView(double Score, IReadOnlyList<string> Signals, bool Volatile)
{
    public static ToneView Of(ToneReading tone) => new(tone.Score, [.. tone.Signals.Select(WireNames.Of)], tone.IsVolatile);

    public static ToneView Of(double score, string signals) => Of(ToneReading.Stored(score, signals));
}

public sealed record ComplaintPage(IReadOnlyList<ComplaintSummary> Items, string? NextCursor);

public sealed record ComplaintDetails(
    string Reference,
    string Subject,
    string CustomerWords,
    ComplaintStatus Status,
    Priority Priority,
    Channel Channel,
    string Category,
    string? OrderReference,
    string? DesiredOutcome,
    CustomerView Customer,
    StaffRef? Owner,
    SlaView Sla,
    DateTime ReceivedAt,
    DateTime UpdatedAt,
    int Version,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<TimelineEntryView> Timeline,
    PlaybookRef Playbook,
    ProgressView Progress,
    SpecifyView Specify,
    IReadOnlyList<ActionView> ActionPlan,
    RemedyView? Remedy,
    VerifyView Verify,
    DateTime? ClosedAt,
    ToneView Tone)
{
    /// <summary>A strong validator for If-Match: the case's version.</summary>
    public string ETag => ComplaintETag.For(Version);
}

public static class ComplaintETag
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>True when the If-Match header is absent, "*", or names the current version.</summary>
    public static bool Matches(string? ifMatch, int version) =>
        string.IsNullOrWhiteSpace(ifMatch)
        || ifMatch.Trim() == "*"
        || ifMatch.Split(',').Any(tag => tag.Trim().Replace("W/", "", StringComparison.Ordinal) == For(version));
}

// The case's walk through its playbook, as the API returns it and the case page shows it.

public sealed record PlaybookRef(string Id, int Version, string Name);

public sealed record StepView(string Id, string Title, string Guidance, bool Required, string Completion, bool Done, string? DoneBy, DateTime? DoneAt);

/// <summary>state is done, current or upcoming.</summary>
public sealed record StageView(string Id, string Title, string? Purpose, string State, IReadOnlyList<StepView> Steps, ReplyExpectationsView Reply);

public sealed record ReplyExpectationsView(IReadOnlyList<string> Expect, IReadOnlyList<string> Avoid, string? Advice);

/// <summary>Where the case is: its stage, what to do next, and what still stops it moving on (empty when it may).</summary>
public sealed record ProgressView(string Stage, string StageTitle, DateTime StageEnteredAt, StepView? NextStep, string? NextStageTitle,
    IReadOnlyList<UnmetGateView> UnmetGates, IReadOnlyList<StageView> Stages);

public sealed record UnmetGateView(string Code, string Message);

public sealed record SpecifyView(
    string? ProblemStatement, string? StatedBy, DateTime? StatedAt,
    DateTime? ConfirmedAt, Channel? ConfirmedVia, string? ConfirmationRecordedBy,
    DateTime? AllSaidAt, Channel? AllSaidVia, string? AllSaidRecordedBy);

public sealed record ActionView(int Position, string Description, StaffRef Owner, DateTime DueAt, DateTime? DoneAt);

public sealed record RemedyView(string Agreed, DateTime AgreedAt);

public sealed record CircleBackView(string Staff, DateTime HandedOverAt, DateTime? CircledBackAt);

public sealed record VerifyView(int FollowUpAttempts, int FollowUpsNeeded, DateTime? LastFollowUpAt, bool? Satisfied, int? Rating, DateTime? AnsweredAt,
    IReadOnlyList<CircleBackView> CircleBack);
