using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Redress.Web.Storage;

namespace Redress.Web.Identity;

/// <summary>
/// "Authorization: Bearer rd_..." for the API. A token is looked up by its hash; the answer is cached briefly
/// so a busy integration does not cost a query per request (a revoked token stops working within that time).
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("The bearer token is empty or too long.");
        }

        var hash = ApiToken.HashOf(token);
        var principal = await cache.GetOrCreateAsync("api-token:" + hash, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await LoadPrincipalAsync(hash);
        });
        return principal is null
            ? AuthenticateResult.Fail("The API token is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<ClaimsPrincipal?> LoadPrincipalAsync(string hash)
    {
        // Only a cache miss touches the database.
        var db = Context.RequestServices.GetRequiredService<RedressDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => new
            {
                t.Id,
                t.LastUsedAt,
                User = new { t.User!.Id, t.User.DisplayName, t.User.Email, t.User.LockoutEnd },
                Roles = db.UserRoles.Where(ur => ur.UserId == t.UserId)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.User.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }
        if (found.LastUsedAt is null || found.LastUsedAt < now.AddHours(-1))
        {
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.User.Id),
            new(ClaimTypes.Name, found.User.Email ?? found.User.Id),
            new(StaffPrincipal.DisplayNameClaim, found.User.DisplayName),
            new(ClaimTypes.Email, found.User.Email ?? ""),
        };
        claims.AddRange(found.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required",
            detail: "Send a personal API token as 'Authorization: Bearer <token>'. Create one under Account › API tokens.")
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
            detail: "Your role does not allow this action.").ExecuteAsync(Context);
}
