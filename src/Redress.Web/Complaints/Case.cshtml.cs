using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints;
using Redress.Web.Identity;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

public sealed class CaseModel(RedressDb db, CaseWork work, TimeProvider clock) : PageModel
{
    public string? Reference { get; private set; }
    public ComplaintDetails? Case { get; private set; }
    public Dictionary<long, MessageView> MessagesById { get; private set; } = [];
    public List<StaffRef> Staff { get; private set; } = [];
    public DateTime Now { get; private set; }
    public string CurrentUserId => User.UserId();
    public string? Error { get; private set; }
    public string? Body { get; private set; }
    public string? Visibility { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct) => await ShowAsync(reference, ct);

    /// <summary>A reply or a note. Appending never conflicts, so no version check; htmx swaps the activity in place.</summary>
    public async Task<IActionResult> OnPostMessageAsync(string reference, string? body, string? visibility, CancellationToken ct)
    {
        if (ComplaintValidation.MessageBodyError(body) is { } error)
        {
            return await ShowAsync(reference, ct, error, body, visibility, StatusCodes.Status400BadRequest);
        }
        var result = visibility == "internal"
            ? await work.AddNoteAsync(reference, body!, User.ToActor(), null, ct)
            : await work.ReplyAsync(reference, body!, User.ToActor(), null, ct);
        return await AfterChangeAsync(reference, result.Outcome, result.Reason, body, visibility, ct);
    }

    /// <summary>Taking or handing over ownership checks the version the agent saw, so two people cannot both take it unknowingly.</summary>
    public async Task<IActionResult> OnPostAssignAsync(string reference, string? ownerId, int version, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ownerId))
        {
            return await ShowAsync(reference, ct, "Choose who should own the case.", status: StatusCodes.Status400BadRequest);
        }
        var result = await work.AssignAsync(reference, ownerId, User.ToActor(), ComplaintETag.For(version), ct);
        return await AfterChangeAsync(reference, result.Outcome, result.Reason, null, null, ct);
    }

    private async Task<IActionResult> AfterChangeAsync(string reference, CaseOutcome outcome, string? reason, string? body, string? visibility, CancellationToken ct)
    {
        if (outcome == CaseOutcome.Done)
        {
            // htmx swaps the fresh activity in place; a plain form post gets a redirect so a refresh does not send twice.
            return Request.Headers.ContainsKey("HX-Request") ? await ShowAsync(reference, ct) : Redirect($"/cases/{Uri.EscapeDataString(ComplaintReference.Normalize(reference))}");
        }
        var status = outcome switch
        {
            CaseOutcome.NotFound => StatusCodes.Status404NotFound,
            CaseOutcome.Stale => StatusCodes.Status412PreconditionFailed,
            CaseOutcome.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        };
        return await ShowAsync(reference, ct, reason, body, visibility, status);
    }

    private async Task<IActionResult> ShowAsync(string reference, CancellationToken ct, string? error = null, string? body = null, string? visibility = null, int status = 200)
    {
        Reference = reference;
        Now = clock.GetUtcNow().UtcDateTime;
        Case = await ComplaintQueries.GetAsync(db, reference, ct);
        if (Case is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        MessagesById = Case.Messages.ToDictionary(m => m.Id);
        Staff = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new StaffRef(u.Id, u.DisplayName)).ToListAsync(ct);
        Error = error;
        Body = body;
        Visibility = visibility;
        // htmx only swaps 2xx answers, and the error must show in place, so htmx gets 200 with the message.
        Response.StatusCode = Request.Headers.ContainsKey("HX-Request") ? StatusCodes.Status200OK : status;
        return Page();
    }
}
