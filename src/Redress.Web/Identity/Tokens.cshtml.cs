using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Redress.Web.Storage;

namespace Redress.Web.Identity;

public sealed class TokensModel(RedressDb db, TimeProvider clock) : PageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            Error = "Give the token a name of 1 to 100 characters, so you know later what uses it.";
        }
        else
        {
            NewToken = ApiToken.NewSecret();
            db.ApiTokens.Add(new ApiToken
            {
                UserId = User.UserId(),
                Name = name,
                Hash = ApiToken.HashOf(NewToken),
                Hint = ApiToken.HintOf(NewToken),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ApiTokens.Where(t => t.Id == id && t.UserId == User.UserId() && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == User.UserId()).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
}
