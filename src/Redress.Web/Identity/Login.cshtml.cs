using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Redress.Web.Identity;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<StaffUser> signIn) : PageModel
{
    public string? Email { get; private set; }
    public string? Error { get; private set; }
    public string ReturnUrl { get; private set; } = "/queue";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your e-mail address and password.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }
        Error = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for a few minutes."
            : "That e-mail address and password do not match an account.";
        return Page();
    }

    // Only local paths, so a crafted link cannot send a user elsewhere after sign-in.
    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/queue";
}
