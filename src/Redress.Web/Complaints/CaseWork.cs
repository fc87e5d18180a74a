using Microsoft.EntityFrameworkCore;
using Redress.Coaching;
using Redress.Complaints;
using Redress.Playbooks;
using Redress.Sla;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

public enum CaseOutcome
{
    Done,
    NotFound,
    /// <summary>The caller worked from an older version of the case (If-Match, or a concurrent save).</summary>
    Stale,
    /// <summary>The domain said no; the reason says why (and <see cref="CaseResult{T}.Unmet"/> lists a closed gate).</summary>
    Refused,
    /// <summary>The request named something that does not exist (a member of staff, say); the reason says what.</summary>
    Invalid,
}

public sealed record CaseResult<T>(CaseOutcome Outcome, T? Value = default, int Version = 0, string? Reason = null, IReadOnlyList<UnmetGate>? Unmet = null);

/// <summary>An action in a plan as the agent sent it: the owner is a user id or e-mail address, not yet checked.</summary>
public sealed record ActionRequest(string Description, string Owner, DateTime DueAt, bool Done);

/// <summary>
/// Changes to an existing case, shared by the API and the pages: load the case and the playbook version it follows,
/// check the version the caller saw, let the domain act (or refuse), save with the concurrency token.
/// </summary>
public sealed class CaseWork(RedressDb db, WriteGate writeGate, PlaybookLibrary playbooks, ToneAnalyzer tone, TimeProvider clock)
{
    /// <summary>A reply; with <paramref name="includePlan"/> the action plan is added so the customer sees what happens next.</summary>
    public Task<CaseResult<Message>> ReplyAsync(string reference, string body, Actor author, string? ifMatch, CancellationToken ct, bool includePlan = false) =>
        UpdateAsync(reference, ifMatch, (c, _, now) =>
            c.SendReply(includePlan && c.ActionPlanForCustomer() is { } plan ? $"{body.TrimEnd()}\n\n{plan}" : body, author, now), ct);

    /// <summary>What the customer sent on another channel, recorded by staff (or by an integration); its tone may raise the priority.</summary>
    public Task<CaseResult<Message>> ReceiveAsync(string reference, string body, Channel via, Actor recordedBy, string? ifMatch, CancellationToken ct)
    {
        // Read before loading the case, as intake does: the analyser is the slow part and needs no database.
        var reading = tone.Read(body);
        return UpdateAsync(reference, ifMatch, (c, _, now) => c.ReceiveFromCustomer(body, via, reading, SlaPolicy.Default, recordedBy, now), ct);
    }

    public Task<CaseResult<Message>> AddNoteAsync(string reference, string body, Actor author, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, _, now) => c.AddInternalNote(body, author, now), ct);

    public async Task<CaseResult<StaffRef>> AssignAsync(string reference, string ownerIdOrEmail, Actor by, string? ifMatch, CancellationToken ct)
    {
        var owner = await FindStaffAsync(ownerIdOrEmail, ct);
        if (owner is null)
        {
            return new CaseResult<StaffRef>(CaseOutcome.Invalid, Reason: $"There is no member of staff '{ownerIdOrEmail.Trim()}'.");
        }
        return await UpdateAsync(reference, ifMatch, async (c, _, now) =>
        {
            var previous = c.OwnerId is null ? null : await FindStaffAsync(c.OwnerId, ct);
            c.AssignOwner(owner.Id, owner.Name, by, now, previous?.Name);
            return owner;
        }, ct);
    }

    public Task<CaseResult<CompletedStep>> CompleteStepAsync(string reference, string stepId, string? note, Actor by, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, playbook, now) => c.CompleteStep(playbook, stepId, note, by, now), ct);

    /// <summary>The stage the case moved to; null when it left the last stage and closed.</summary>
    public Task<CaseResult<Stage?>> AdvanceAsync(string reference, Actor by, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, playbook, now) => c.Advance(playbook, by, now), ct);

    public async Task<CaseResult<Playbook>> SwitchPlaybookAsync(string reference, string playbookId, string reason, Actor by, string? ifMatch, CancellationToken ct)
    {
        if (playbooks.Find(playbookId.Trim()) is not { } target)
        {
            return new CaseResult<Playbook>(CaseOutcome.Invalid, Reason: $"There is no playbook '{playbookId.Trim()}'.");
        }
        return await UpdateAsync(reference, ifMatch, (c, _, now) =>
        {
            c.SwitchPlaybook(target, reason, by, now);
            return target;
        }, ct);
    }

    public Task<CaseResult<bool>> StateProblemAsync(string reference, string statement, Actor by, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, _, now) => Done(() => c.RecordProblemStatement(statement, by, now)), ct);

    public Task<CaseResult<bool>> ConfirmProblemAsync(string reference, Channel via, Actor by, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, _, now) => Done(() => c.RecordProblemConfirmed(via, by, now)), ct);

    public Task<CaseResult<bool>> AllSaidAsync(string reference, Channel via, Actor by, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, _, now) => Done(() => c.RecordAllSaid(via, by, now)), ct);

    public Task<CaseResult<bool>> AgreeRemedyAsync(string reference, string remedy, Channel via, Actor by, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, _, now) => Done(() => c.AgreeRemedy(remedy, via, by, now)), ct);

    public Task<CaseResult<bool>> FollowUpAsync(string reference, bool reached, string? note, Actor by, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, _, now) => Done(() => c.RecordFollowUp(reached, note, by, now)), ct);

    public Task<CaseResult<bool>> SatisfactionAsync(string reference, bool satisfied, int? rating, string? comment, Channel via, Actor by, string? ifMatch, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, _, now) => Done(() => c.RecordSatisfaction(satisfied, rating, comment, via, by, now)), ct);

    /// <summary>Replaces the action plan. Each owner must be a member of staff; the reason names the first one who is not.</summary>
    public async Task<CaseResult<bool>> SetActionPlanAsync(string reference, IReadOnlyList<ActionRequest> actions, Actor by, string? ifMatch, CancellationToken ct)
    {
        var inputs = new List<ActionInput>();
        foreach (var (action, index) in actions.Select((a, i) => (a, i)))
        {
            if (await FindStaffAsync(action.Owner, ct) is not { } owner)
            {
                return new CaseResult<bool>(CaseOutcome.Invalid, Reason: $"actions[{index}].owner: there is no member of staff '{action.Owner.Trim()}'.");
            }
            inputs.Add(new ActionInput(action.Description, owner.Id, owner.Name, action.DueAt, action.Done));
        }
        return await UpdateAsync(reference, ifMatch, (c, _, now) => Done(() => c.SetActionPlan(inputs, by, now)), ct);
    }

    private static bool Done(Action change)
    {
        change();
        return true;
    }

    private async Task<StaffRef?> FindStaffAsync(string idOrEmail, CancellationToken ct)
    {
        var key = idOrEmail.Trim();
        var normalizedEmail = key.ToUpperInvariant();
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == key || u.NormalizedEmail == normalizedEmail)
            .Select(u => new StaffRef(u.Id, u.DisplayName))
            .FirstOrDefaultAsync(ct);
    }

    private Task<CaseResult<T>> UpdateAsync<T>(string reference, string? ifMatch, Func<Complaint, Playbook, DateTime, T> change, CancellationToken ct) =>
        UpdateAsync(reference, ifMatch, (c, p, now) => Task.FromResult(change(c, p, now)), ct);

    private async Task<CaseResult<T>> UpdateAsync<T>(string reference, string? ifMatch, Func<Complaint, Playbook, DateTime, Task<T>> change, CancellationToken ct)
    {
        reference = ComplaintReference.Normalize(reference);
        // Messages and the timeline are only appended to, so they stay unloaded; the gates need the rest.
        var complaint = await db.Complaints.AsSplitQuery()
            .Include(c => c.Customer)
            .Include(c => c.CompletedSteps)
            .Include(c => c.Actions)
            .Include(c => c.CircleBackDuties)
            .SingleOrDefaultAsync(c => c.Reference == reference, ct);
        if (complaint is null)
        {
            return new CaseResult<T>(CaseOutcome.NotFound);
        }
        if (!ComplaintETag.Matches(ifMatch, complaint.Version))
        {
            return new CaseResult<T>(CaseOutcome.Stale, Version: complaint.Version,
                Reason: $"The case has changed since you loaded it (it is now at version {complaint.Version}). Reload it and try again.");
        }

        var playbook = await playbooks.ForCaseAsync(complaint, db, ct);
        T value;
        try
        {
            value = await change(complaint, playbook, clock.GetUtcNow().UtcDateTime);
        }
        catch (GateClosedException closed)
        {
            return new CaseResult<T>(CaseOutcome.Refused, Version: complaint.Version, Reason: closed.Message, Unmet: closed.Unmet);
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
