using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Redress.Complaints;

namespace Redress.Web.Identity;

public static class StaffPrincipal
{
    /// <summary>The name people see; Identity's own Name claim is the login (e-mail).</summary>
    public const string DisplayNameClaim = "redress:display_name";

    /// <summary>The signed-in member of staff as the domain records them on the timeline.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(user.UserId(), user.DisplayName());

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user has no id claim.");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "Staff";
}

/// <summary>Adds the display name to the sign-in cookie so pages need no query to show who is signed in.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffPrincipal.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
