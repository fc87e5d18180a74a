using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints;
using Redress.Playbooks;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

/// <summary>
/// The queue: filters as the API and the page take them. Status is "open" (default: new, in progress, waiting),
/// "all", or one status; owner is "me", "none" or a user id.
/// </summary>
public sealed record QueueFilter(string? Status = null, string? Owner = null, string? Q = null, string? Cursor = null, int? Limit = null);

public static partial class ComplaintQueries
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>Checks the filter; each bad field is named (API answers 400, the page shows it).</summary>
    public static Dictionary<string, string[]> Validate(QueueFilter filter)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(filter.Status) && filter.Status is not ("open" or "all") && !WireNames.TryParse<ComplaintStatus>(filter.Status, out _))
        {
            errors["status"] = [$"Unknown status '{filter.Status}'. Use open, all, or one of: {string.Join(", ", WireNames.All<ComplaintStatus>())}."];
        }
        if (filter.Limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"The limit must be between 1 and {MaxLimit}."];
        }
        if (!string.IsNullOrEmpty(filter.Cursor) && QueueCursor.TryDecode(filter.Cursor) is null)
        {
            errors["cursor"] = ["The cursor is not one this server handed out; start again without it."];
        }
        if (filter.Q is { Length: > 200 })
        {
            errors["q"] = ["The search text is longer than 200 characters."];
        }
        return errors;
    }

    /// <summary>Most urgent first, then the nearest deadline; keyset paging, so page 1,000 costs what page 1 does.</summary>
    public static async Task<ComplaintPage> ListAsync(RedressDb db, QueueFilter filter, string currentUserId, CancellationToken ct)
    {
        var limit = filter.Limit ?? DefaultLimit;
        var query = db.Complaints.AsNoTracking();

        query = filter.Status switch
        {
            null or "" or "open" => query.Where(c => ComplaintStatuses.Open.Contains(c.Status)),
            "all" => query,
            _ => WireNames.TryParse<ComplaintStatus>(filter.Status, out var status) ? query.Where(c => c.Status == status) : query,
        };
        query = filter.Owner switch
        {
            null or "" or "any" => query,
            "me" => query.Where(c => c.OwnerId == currentUserId),
            "none" => query.Where(c => c.OwnerId == null),
            var ownerId => query.Where(c => c.OwnerId == ownerId),
        };
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            query = Search(db, query, filter.Q);
        }
        if (QueueCursor.TryDecode(filter.Cursor) is { } after)
        {
            query = query.Where(c => c.Priority < after.Priority
                || (c.Priority == after.Priority && (c.NextDueAt > after.NextDueAt
                    || (c.NextDueAt == after.NextDueAt && c.Id > after.Id))));
        }

        var rows = await query
            .OrderByDescending(c => c.Priority).ThenBy(c => c.NextDueAt).ThenBy(c => c.Id)
            .Take(limit + 1)
            .Select(c => new
            {
                c.Id,
                Summary = new ComplaintSummary(c.Reference, c.Subject, c.Status, c.Priority, c.Category, c.Channel, c.Customer.Name,
                    c.OwnerId == null ? null : db.Users.Where(u => u.Id == c.OwnerId).Select(u => new StaffRef(u.Id, u.DisplayName)).FirstOrDefault(),
                    c.ReceivedAt, c.UpdatedAt, c.NextDueAt, c.FirstRespondedAt, c.PlaybookId, c.PlaybookVersion, c.StageId,
                    ToneView.Of(c.ToneScore, c.ToneSignals)),
            })
            .ToListAsync(ct);

        var items = rows.Take(limit).Select(r => r.Summary).ToList();
        var next = rows.Count > limit ? QueueCursor.Encode(rows[limit - 1].Summary.Priority, rows[limit - 1].Summary.NextDueAt, rows[limit - 1].Id) : null;
        return new ComplaintPage(items, next);
    }

    public static async Task<ComplaintDetails?> GetAsync(RedressDb db, PlaybookLibrary playbooks, string reference, CancellationToken ct)
    {
        reference = ComplaintReference.Normalize(reference);
        var complaint = await db.Complaints.AsNoTracking().AsSplitQuery()
            .Include(c => c.Customer)
            .Include(c => c.Messages)
            .Include(c => c.Timeline)
            .Include(c => c.CompletedSteps)
            .Include(c => c.Actions)
            .Include(c => c.CircleBackDuties)
            .SingleOrDefaultAsync(c => c.Reference == reference, ct);
        if (complaint is null)
        {
            return null;
        }
        var owner = complaint.OwnerId is null
            ? null
            : await db.Users.Where(u => u.Id == complaint.OwnerId).Select(u => new StaffRef(u.Id, u.DisplayName)).SingleOrDefaultAsync(ct);
        return ToDetails(complaint, owner, await playbooks.ForCaseAsync(complaint, db, ct));
    }

    public static ComplaintDetails ToDetails(Complaint c, StaffRef? owner, Playbook playbook) => new(
        c.Reference, c.Subject, c.CustomerWords, c.Status, c.Priority, c.Channel, c.Category, c.OrderReference, c.DesiredOutcome,
        new CustomerView(c.Customer.Name, c.Customer.Email, c.Customer.Phone),
        owner,
        SlaOf(c),
        c.ReceivedAt, c.UpdatedAt, c.Version,
        [.. c.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(MessageView.Of)],
        [.. c.Timeline.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Select(e => new TimelineEntryView(e.Kind, e.Summary, e.ActorName, e.OccurredAt, e.MessageId))],
        new PlaybookRef(playbook.Id, playbook.Version, playbook.Name),
        ProgressOf(c, playbook),
        new SpecifyView(c.ProblemStatement, c.ProblemStatedBy, c.ProblemStatedAt, c.ProblemConfirmedAt, c.ProblemConfirmedVia, c.ProblemConfirmationRecordedBy,
            c.AllSaidAt, c.AllSaidVia, c.AllSaidRecordedBy),
        [.. c.Actions.OrderBy(a => a.Position).Select(a => new ActionView(a.Position, a.Description, new StaffRef(a.OwnerId, a.OwnerName), a.DueAt, a.DoneAt))],
        c.AgreedRemedy is null ? null : new RemedyView(c.AgreedRemedy, c.RemedyAgreedAt!.Value),
        new VerifyView(c.FollowUpAttempts, playbook.FollowUpAttempts, c.LastFollowUpAt, c.Satisfied, c.SatisfactionRating, c.SatisfactionAnsweredAt,
            [.. c.CircleBackDuties.OrderBy(d => d.HandedOverAt).Select(d => new CircleBackView(d.StaffName, d.HandedOverAt, d.CircledBackAt))]),
        c.ClosedAt,
        ToneView.Of(c.Tone));

    private static ProgressView ProgressOf(Complaint c, Playbook playbook)
    {
        var current = c.CurrentStage(playbook);
        var currentIndex = playbook.IndexOf(current);
        var closed = c.Status == ComplaintStatus.Closed;
        StepView View(Step step)
        {
            var completion = c.FindCompletion(step);
            return new StepView(step.Id, step.Title, step.Guidance, step.Required,
                step.CompletedBy is { } condition ? WireNames.Of(condition) : "manual",
                c.IsDone(step, playbook), completion?.CompletedByName, completion?.CompletedAt);
        }
        var stages = playbook.Stages.Select((stage, i) => new StageView(stage.Id, stage.Title, stage.Purpose,
            closed || i < currentIndex ? "done" : i == currentIndex ? "current" : "upcoming",
            [.. stage.Steps.Select(View)],
            new ReplyExpectationsView([.. stage.Reply.Expect.Select(WireNames.Of)], [.. stage.Reply.Avoid.Select(WireNames.Of)], stage.Reply.Advice))).ToList();
        var next = closed ? null : c.NextStep(playbook);
        return new ProgressView(current.Id, current.Title, c.StageEnteredAt, next is null ? null : View(next),
            closed ? null : playbook.After(current)?.Title,
            closed ? [] : [.. c.UnmetGates(playbook).Select(u => new UnmetGateView(u.Code, u.Message))],
            stages);
    }

    public static SlaView SlaOf(Complaint c) => new(c.AcknowledgedAt, c.FirstResponseDueAt, c.FirstRespondedAt, c.ResolveDueAt);

    /// <summary>
    /// Full-text search over reference, subject, the customer's words and order reference (SQLite FTS5,
    /// PostgreSQL tsvector), plus an exact match on the customer's e-mail address.
    /// </summary>
    private static IQueryable<Complaint> Search(RedressDb db, IQueryable<Complaint> query, string q)
    {
        var text = q.Trim();
        var email = text.ToLowerInvariant();
        if (ComplaintReference.IsWellFormed(ComplaintReference.Normalize(text)))
        {
            var reference = ComplaintReference.Normalize(text);
            return query.Where(c => c.Reference == reference);
        }
        if (db is PostgresRedressDb)
        {
            return query.Where(c =>
                EF.Property<NpgsqlTypes.NpgsqlTsVector>(c, PostgresRedressDb.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("english", text))
                || c.Customer.Email == email);
        }

        // FTS5 has its own query language; quoting each word makes any input safe and matches word prefixes.
        var words = Word().Matches(text).Select(m => $"\"{m.Value}\"*").ToList();
        if (words.Count == 0)
        {
            return query.Where(c => c.Customer.Email == email);
        }
        var match = string.Join(" ", words);
        var ids = db.Database.SqlQuery<long>(
            $"SELECT rowid AS \"Value\" FROM \"ComplaintSearch\" WHERE \"ComplaintSearch\" MATCH {match}");
        return query.Where(c => ids.Contains(c.Id) || c.Customer.Email == email);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

/// <summary>Where the last page ended: the sort key of its last row, opaque to clients.</summary>
public sealed record QueueCursor(Priority Priority, DateTime NextDueAt, long Id)
{
    public static string Encode(Priority priority, DateTime nextDueAt, long id)
    {
        var raw = string.Create(CultureInfo.InvariantCulture, $"{(int)priority}:{nextDueAt.Ticks}:{id}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(raw));
    }

    public static QueueCursor? TryDecode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 100)
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            return parts.Length == 3
                && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var priority) && Enum.IsDefined((Priority)priority)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks) && ticks >= 0 && ticks <= DateTime.MaxValue.Ticks
                && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var id)
                ? new QueueCursor((Priority)priority, new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
