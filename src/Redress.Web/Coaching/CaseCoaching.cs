using Microsoft.EntityFrameworkCore;
using Redress.Coaching;
using Redress.Complaints;
using Redress.Playbooks;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Coaching;

/// <summary>A finding as the API and the composer show it, with the words it is about.</summary>
public sealed record FindingView(string RuleId, string? Pitfall, string? MissingMove, string Message, int Start, int Length, string Severity,
    string? Suggestion, string? Excerpt);

/// <summary>
/// The reply coach for one case: the stage the case is in decides which moves a reply should make, and the case's
/// playbook may add rules of its own. Without a case, only the built-in rules apply.
/// </summary>
public sealed class CaseCoaching(RedressDb db, PlaybookLibrary playbooks, ReplyCoach coach)
{
    /// <summary>Null when <paramref name="reference"/> names no case.</summary>
    public async Task<(IReadOnlyList<FindingView> Findings, Stage? Stage)?> ReviewReplyAsync(string text, string? reference, CancellationToken ct)
    {
        Stage? stage = null;
        IReadOnlyList<CoachRule>? rules = null;
        if (!string.IsNullOrWhiteSpace(reference))
        {
            var normalized = ComplaintReference.Normalize(reference);
            var at = await db.Complaints.AsNoTracking().Where(c => c.Reference == normalized)
                .Select(c => new { c.PlaybookId, c.PlaybookVersion, c.StageId, c.Status }).SingleOrDefaultAsync(ct);
            if (at is null)
            {
                return null;
            }
            var playbook = playbooks.Find(at.PlaybookId, at.PlaybookVersion);
            stage = at.Status == ComplaintStatus.Closed ? null : playbook?.FindStage(at.StageId);
            rules = playbook?.CoachRules;
        }
        return (View(text, coach.Review(text, stage, rules)), stage);
    }

    public static IReadOnlyList<FindingView> View(string text, IReadOnlyList<CoachFinding> findings) =>
    [
        .. findings.Select(f => new FindingView(f.RuleId, f.Pitfall is { } p ? WireNames.Of(p) : null, f.MissingMove is { } m ? WireNames.Of(m) : null,
            f.Message, f.Start, f.Length, WireNames.Of(f.Severity), f.Suggestion, f.Length == 0 ? null : text.Substring(f.Start, f.Length))),
    ];
}

/// <summary>What the composer shows under the draft.</summary>
public sealed record CoachPanel(IReadOnlyList<FindingView> Findings, bool Reviewed)
{
    public static CoachPanel Empty { get; } = new([], false);
}
