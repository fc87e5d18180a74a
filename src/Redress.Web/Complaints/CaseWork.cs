using Microsoft.EntityFrameworkCore;
using Redress.Complaints;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

public enum CaseOutcome
{
    Done,
    NotFound,
    /// <summary>The caller worked from an older version of the case (If-Match, or a concurrent save).</summary>
    Stale,
    /// <summary>The domain said no; the reason says why.</summary>
    Refused,
    /// <summary>The request named something that does not exist (a member of staff, say); the reason says what.</summary>
    Invalid,
}

public sealed record CaseResult<T>(CaseOutcome Outcome, T? Value = default, int Version = 0, string? Reason = null);

/// <summary>
/// Changes to an existing case, shared by the API and the pages: load, check the version the caller saw,
/// let the domain act (or refuse), save with the concurrency token.
/// </summary>
public sealed class CaseWork(RedressDb db, WriteGate writeGate, TimeProvider clock)
{
    public Task<CaseResult<Message>> ReplyAsync(string reference, string body, Actor author, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, now) => c.SendReply(body, author, now), ct);

    public Task<CaseResult<Message>> AddNoteAsync(string reference, string body, Actor author, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, now) => c.AddInternalNote(body, author, now), ct);

    public async Task<CaseResult<StaffRef>> AssignAsync(string reference, string ownerIdOrEmail, Actor by, string? ifMatch, CancellationToken ct)
    {
        var key = ownerIdOrEmail.Trim();
        var normalizedEmail = key.ToUpperInvariant();
        var owner = await db.Users.AsNoTracking()
            .Where(u => u.Id == key || u.NormalizedEmail == normalizedEmail)
            .Select(u => new StaffRef(u.Id, u.DisplayName))
            .FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return new CaseResult<StaffRef>(CaseOutcome.Invalid, Reason: $"There is no member of staff '{key}'.");
        }
        return await UpdateAsync(reference, ifMatch, (c, now) =>
        {
            c.AssignOwner(owner.Id, owner.Name, by, now);
            return owner;
        }, ct);
    }

    private async Task<CaseResult<T>> UpdateAsync<T>(string reference, string? ifMatch, Func<Complaint, DateTime, T> change, CancellationToken ct)
    {
        reference = ComplaintReference.Normalize(reference);
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Reference == reference, ct);
        if (complaint is null)
        {
            return new CaseResult<T>(CaseOutcome.NotFound);
        }
        if (!ComplaintETag.Matches(ifMatch, complaint.Version))
        {
            return new CaseResult<T>(CaseOutcome.Stale, Version: complaint.Version,
                Reason: $"The case has changed since you loaded it (it is now at version {complaint.Version}). Reload it and try again.");
        }

        T value;
        try
        {
            value = change(complaint, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException refused)
        {
            return new CaseResult<T>(CaseOutcome.Refused, Version: complaint.Version, Reason: refused.Message);
        }

        try
        {
            using var writing = await writeGate.EnterAsync(ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CaseResult<T>(CaseOutcome.Stale, Reason: "Someone else changed the case at the same moment. Reload it and try again.");
        }
        return new CaseResult<T>(CaseOutcome.Done, value, complaint.Version);
    }
}
