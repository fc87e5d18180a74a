using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Redress.Complaints;
using Redress.Web.Complaints;

namespace Redress.Web.Public;

/// <summary>The public complaint form: no account needed, antiforgery-checked, rate-limited per address.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormOptions.RateLimitPolicy)]
public sealed class ComplainModel(Intake intake) : PageModel
{
    public static readonly (string Value, string Label)[] Categories =
    [
        ("general", "Something else"),
        ("product-quality", "A product: faulty, damaged or not as described"),
        ("delivery", "Delivery: late, missing or wrong"),
        ("billing", "Billing, charges or refunds"),
        ("service", "How we treated you"),
        ("account", "Your account"),
    ];

    [BindProperty]
    public NewComplaint Input { get; set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The channel is always the web form, whatever a crafted post says.
        var (valid, errors) = ComplaintValidation.Validate(Input with { Channel = null }, Channel.Web);
        if (valid is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var complaint = await intake.FileAsync(valid, Actor.System);
        var acknowledgement = complaint.Messages.First(m => m.Direction == MessageDirection.Outbound);
        TempData["Reference"] = complaint.Reference;
        TempData["Acknowledgement"] = acknowledgement.Body;
        return RedirectToPage("/Public/Thanks");
    }

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public static string InputId(string field) => field switch
    {
        "customer.name" => "customer-name",
        "customer.email" => "customer-email",
        "customer.phone" => "customer-phone",
        "orderReference" => "order-reference",
        "desiredOutcome" => "desired-outcome",
        _ => field,
    };
}
