using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Redress.Web.Storage;

namespace Redress.Web.Identity;

/// <summary>What the first start created, so start-up can tell the operator how to sign in.</summary>
public sealed record BootstrapResult(string AdminEmail, string Password, bool PasswordWasGenerated);

/// <summary>
/// On first start with no staff: the roles, one admin (from Redress:Bootstrap or with a generated one-time
/// password) and, when configured, an API token with exactly the given value for automation.
/// </summary>
public sealed class StaffBootstrap(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    RedressDb db,
    IOptions<RedressOptions> options,
    TimeProvider clock)
{
    public const string DefaultAdminEmail = "admin@redress.local";

    public async Task<BootstrapResult?> RunAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
            }
        }
        if (await users.Users.AnyAsync(ct))
        {
            return null;
        }

        var bootstrap = options.Value.Bootstrap;
        var email = bootstrap.AdminEmail ?? DefaultAdminEmail;
        var generated = bootstrap.AdminPassword is null;
        var password = bootstrap.AdminPassword ?? GeneratePassword();
        var admin = await CreateStaffAsync(email, "Administrator", password, Roles.Admin);

        if (bootstrap.ApiToken is not null)
        {
            db.ApiTokens.Add(new ApiToken
            {
                UserId = admin.Id,
                Name = "Bootstrap token",
                Hash = ApiToken.HashOf(bootstrap.ApiToken),
                Hint = ApiToken.HintOf(bootstrap.ApiToken),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }
        return new BootstrapResult(email, password, generated);
    }

    public async Task<StaffUser> CreateStaffAsync(string email, string displayName, string password, string role)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Check(await users.CreateAsync(user, password), $"create the user {email} (check Redress:Bootstrap:AdminPassword)");
        Check(await users.AddToRoleAsync(user, role), $"give {email} the role {role}");
        return user;
    }

    /// <summary>Readable, and meets Identity's rules (upper, lower, digit, symbol).</summary>
    public static string GeneratePassword() =>
        $"Rd-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}-{RandomNumberGenerator.GetInt32(10, 99)}X";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
