using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Redress.Web.Identity;

public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    public List<string> Errors { get; } = [];
    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? next, string? confirm)
    {
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
        {
            Errors.Add("Enter your current password and a new one.");
        }
        else if (next != confirm)
        {
            Errors.Add("The two new passwords are not the same.");
        }
        else
        {
            var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            var result = await users.ChangePasswordAsync(user, current, next);
            Errors.AddRange(result.Errors.Select(e => e.Description));
            if (result.Succeeded)
            {
                // A new security stamp signs other sessions out; keep this one signed in.
                await signIn.RefreshSignInAsync(user);
                Done = true;
            }
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
