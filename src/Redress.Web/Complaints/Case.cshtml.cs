using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints;
using Redress.Playbooks;
using Redress.Web.Coaching;
using Redress.Web.Identity;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

/// <summary>One row of the action-plan form; blank rows are ignored.</summary>
public sealed class ActionRow
{
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public string? Due { get; set; }
    public bool Done { get; set; }
}

/// <summary>
/// The case page: the customer's words, the playbook's guidance for the current stage, Specify, the action plan,
/// remedy and verification, the composer and the timeline. Every form works as a plain post; htmx swaps the case in place.
/// </summary>
public sealed class CaseModel(RedressDb db, CaseWork work, PlaybookLibrary playbooks, CaseCoaching coaching, TimeProvider clock) : PageModel
{
    /// <summary>The reply coach's findings for the draft in the composer (empty until the agent types).</summary>
    public CoachPanel Coach { get; private set; } = CoachPanel.Empty;

    /// <summary>The composer asks as the agent types (htmx): findings for a reply; internal notes are not coached.</summary>
    public async Task<IActionResult> OnPostCoachAsync(string reference, string? body, string? visibility, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body) || visibility == "internal" || body.Length > ComplaintLimits.MessageLength)
        {
            return Partial("_Coach", CoachPanel.Empty);
        }
        return await coaching.ReviewReplyAsync(body, reference, ct) is { } review
            ? Partial("_Coach", new CoachPanel(review.Findings, true))
            : NotFound();
    }

    /// <summary>How an agent heard from the customer when recording it for them.</summary>
    public static readonly Channel[] HeardVia = [Channel.Phone, Channel.Email, Channel.Chat, Channel.InPerson, Channel.Letter, Channel.Social];

    public string? Reference { get; private set; }
    public ComplaintDetails? Case { get; private set; }
    public Dictionary<long, MessageView> MessagesById { get; private set; } = [];
    public List<StaffRef> Staff { get; private set; } = [];
    public IReadOnlyList<Playbook> Playbooks => playbooks.Latest;
    public DateTime Now { get; private set; }
    public string CurrentUserId => User.UserId();
    public string? Error { get; private set; }
    public IReadOnlyList<UnmetGate> Unmet { get; private set; } = [];
    public string? Body { get; private set; }
    public string? Visibility { get; private set; }

    public StageView? CurrentStage => Case?.Progress.Stages.FirstOrDefault(s => s.State == "current");

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct) => await ShowAsync(reference, ct);

    /// <summary>A reply or a note. Appending never conflicts, so no version check; htmx swaps the activity in place.</summary>
    public async Task<IActionResult> OnPostMessageAsync(string reference, string? body, string? visibility, bool includePlan, CancellationToken ct)
    {
        if (ComplaintValidation.MessageBodyError(body) is { } error)
        {
            return await ShowAsync(reference, ct, error, body: body, visibility: visibility, status: StatusCodes.Status400BadRequest);
        }
        var result = visibility == "internal"
            ? await work.AddNoteAsync(reference, body!, User.ToActor(), null, ct)
            : await work.ReplyAsync(reference, body!, User.ToActor(), null, ct, includePlan);
        return await AfterAsync(reference, result, ct, body, visibility);
    }

    /// <summary>What the customer said on a call, in a letter, at the counter: kept in their words and read for anger.</summary>
    public async Task<IActionResult> OnPostInboundAsync(string reference, string? said, string? via, CancellationToken ct)
    {
        if (ComplaintValidation.MessageBodyError(said) is { } error)
        {
            return await ShowAsync(reference, ct, error, status: StatusCodes.Status400BadRequest);
        }
        return ParseVia(via) is { } channel
            ? await AfterAsync(reference, await work.ReceiveAsync(reference, said!, channel, User.ToActor(), null, ct), ct)
            : await ShowAsync(reference, ct, ViaMissing, status: StatusCodes.Status400BadRequest);
    }

    /// <summary>Taking or handing over ownership checks the version the agent saw, so two people cannot both take it unknowingly.</summary>
    public async Task<IActionResult> OnPostAssignAsync(string reference, string? ownerId, int version, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ownerId))
        {
            return await ShowAsync(reference, ct, "Choose who should own the case.", status: StatusCodes.Status400BadRequest);
        }
        return await AfterAsync(reference, await work.AssignAsync(reference, ownerId, User.ToActor(), ComplaintETag.For(version), ct), ct);
    }

    public async Task<IActionResult> OnPostStepAsync(string reference, string? stepId, string? note, CancellationToken ct) =>
        await AfterAsync(reference, await work.CompleteStepAsync(reference, stepId ?? "", note, User.ToActor(), null, ct), ct);

    /// <summary>Moving on is checked against the version the agent saw: they decided on what the page showed.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(string reference, int version, CancellationToken ct) =>
        await AfterAsync(reference, await work.AdvanceAsync(reference, User.ToActor(), ComplaintETag.For(version), ct), ct);

    public async Task<IActionResult> OnPostPlaybookAsync(string reference, string? playbookId, string? reason, int version, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(playbookId) || string.IsNullOrWhiteSpace(reason))
        {
            return await ShowAsync(reference, ct, "Choose a playbook and say why the case should follow it.", status: StatusCodes.Status400BadRequest);
        }
        return await AfterAsync(reference, await work.SwitchPlaybookAsync(reference, playbookId, reason, User.ToActor(), ComplaintETag.For(version), ct), ct);
    }

    public async Task<IActionResult> OnPostStatementAsync(string reference, string? statement, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(statement))
        {
            return await ShowAsync(reference, ct, "Write the problem statement: the customer's problem in your own words.", status: StatusCodes.Status400BadRequest);
        }
        return await AfterAsync(reference, await work.StateProblemAsync(reference, statement, User.ToActor(), null, ct), ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(string reference, string? via, CancellationToken ct) =>
        ParseVia(via) is { } channel
            ? await AfterAsync(reference, await work.ConfirmProblemAsync(reference, channel, User.ToActor(), null, ct), ct)
            : await ShowAsync(reference, ct, ViaMissing, status: StatusCodes.Status400BadRequest);

    public async Task<IActionResult> OnPostAllSaidAsync(string reference, string? via, CancellationToken ct) =>
        ParseVia(via) is { } channel
            ? await AfterAsync(reference, await work.AllSaidAsync(reference, channel, User.ToActor(), null, ct), ct)
            : await ShowAsync(reference, ct, ViaMissing, status: StatusCodes.Status400BadRequest);

    public async Task<IActionResult> OnPostPlanAsync(string reference, List<ActionRow> actions, CancellationToken ct)
    {
        var requests = new List<ActionRequest>();
        foreach (var row in actions.Where(a => !string.IsNullOrWhiteSpace(a.Description)))
        {
            if (string.IsNullOrWhiteSpace(row.Owner) || !DateTime.TryParse(row.Due, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var due))
            {
                return await ShowAsync(reference, ct, $"'{row.Description!.Trim()}' needs an owner and a due date and time.", status: StatusCodes.Status400BadRequest);
            }
            requests.Add(new ActionRequest(row.Description!, row.Owner, due, row.Done));
        }
        if (requests.Count == 0)
        {
            return await ShowAsync(reference, ct, "Write at least one action: what will be done, by whom, by when.", status: StatusCodes.Status400BadRequest);
        }
        return await AfterAsync(reference, await work.SetActionPlanAsync(reference, requests, User.ToActor(), null, ct), ct);
    }

    public async Task<IActionResult> OnPostRemedyAsync(string reference, string? remedy, string? via, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(remedy) || ParseVia(via) is not { } channel)
        {
            return await ShowAsync(reference, ct, "Describe the remedy the customer agreed to, and how they told you.", status: StatusCodes.Status400BadRequest);
        }
        return await AfterAsync(reference, await work.AgreeRemedyAsync(reference, remedy, channel, User.ToActor(), null, ct), ct);
    }

    public async Task<IActionResult> OnPostFollowUpAsync(string reference, string? reached, string? note, CancellationToken ct)
    {
        if (reached is not ("yes" or "no"))
        {
            return await ShowAsync(reference, ct, "Say whether you reached the customer.", status: StatusCodes.Status400BadRequest);
        }
        return await AfterAsync(reference, await work.FollowUpAsync(reference, reached == "yes", note, User.ToActor(), null, ct), ct);
    }

    public async Task<IActionResult> OnPostSatisfactionAsync(string reference, string? satisfied, int? rating, string? comment, string? via, CancellationToken ct)
    {
        if (satisfied is not ("yes" or "no") || ParseVia(via) is not { } channel)
        {
            return await ShowAsync(reference, ct, "Record whether the customer is satisfied, and how they told you.", status: StatusCodes.Status400BadRequest);
        }
        return await AfterAsync(reference, await work.SatisfactionAsync(reference, satisfied == "yes", rating, comment, channel, User.ToActor(), null, ct), ct);
    }

    private const string ViaMissing = "Say how the customer told you (phone, e-mail, ...).";

    private static Channel? ParseVia(string? via) => WireNames.TryParse<Channel>(via, out var channel) && HeardVia.Contains(channel) ? channel : null;

    private async Task<IActionResult> AfterAsync<T>(string reference, CaseResult<T> result, CancellationToken ct, string? body = null, string? visibility = null)
    {
        if (result.Outcome == CaseOutcome.Done)
        {
            // htmx swaps the fresh case in place; a plain form post gets a redirect so a refresh does not send twice.
            return Request.Headers.ContainsKey("HX-Request") ? await ShowAsync(reference, ct) : Redirect($"/cases/{Uri.EscapeDataString(ComplaintReference.Normalize(reference))}");
        }
        var status = result.Outcome switch
        {
            CaseOutcome.NotFound => StatusCodes.Status404NotFound,
            CaseOutcome.Stale => StatusCodes.Status412PreconditionFailed,
            CaseOutcome.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        };
        return await ShowAsync(reference, ct, result.Unmet is null ? result.Reason : "Not yet: the case cannot move on until these are done.",
            result.Unmet ?? [], body, visibility, status);
    }

    private async Task<IActionResult> ShowAsync(string reference, CancellationToken ct, string? error = null, IReadOnlyList<UnmetGate>? unmet = null,
        string? body = null, string? visibility = null, int status = 200)
    {
        Reference = reference;
        Now = clock.GetUtcNow().UtcDateTime;
        Case = await ComplaintQueries.GetAsync(db, playbooks, reference, ct);
        if (Case is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        MessagesById = Case.Messages.ToDictionary(m => m.Id);
        Staff = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new StaffRef(u.Id, u.DisplayName)).ToListAsync(ct);
        Error = error;
        Unmet = unmet ?? [];
        Body = body;
        Visibility = visibility;
        // htmx only swaps 2xx answers, and the error must show in place, so htmx gets 200 with the message.
        Response.StatusCode = Request.Headers.ContainsKey("HX-Request") ? StatusCodes.Status200OK : status;
        return Page();
    }
}
