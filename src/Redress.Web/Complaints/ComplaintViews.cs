using Redress.Complaints;

namespace Redress.Web.Complaints;

// What the API returns and the pages show. Hand-written projections keep the wire format independent of the entities.

public sealed record StaffRef(string Id, string Name);

public sealed record CustomerView(string Name, string Email, string? Phone);

public sealed record SlaView(DateTime AcknowledgedAt, DateTime FirstResponseDue, DateTime? FirstRespondedAt, DateTime ResolveDue);

public sealed record MessageView(long Id, MessageDirection Direction, string Body, string Author, DateTime CreatedAt);

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
    DateTime? FirstRespondedAt);

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
    IReadOnlyList<TimelineEntryView> Timeline)
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
