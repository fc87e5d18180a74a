using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Redress.Web;
using Redress.Web.Identity;
using Redress.Web.Storage;

namespace Redress.Web.Tests.Infrastructure;

/// <summary>The real Redress app on a real database (a SQLite file in a temp folder, or a PostgreSQL database).</summary>
public sealed class RedressApp(DatabaseProvider provider, string? connectionString = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Test-Passw0rd!";
    public const string AdminToken = "rd_test_admin_token_0123456789abcdef";
    public const string StaffPassword = "Staff-Passw0rd!";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "redress-tests-" + Guid.NewGuid().ToString("N"));

    public DatabaseProvider Provider => provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Redress:DataDirectory", _dataDirectory);
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Redress", connectionString);
        builder.UseSetting("Redress:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Redress:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Redress:Bootstrap:ApiToken", AdminToken);
        builder.UseSetting("Redress:PublicForm:PermitPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An API client with a bearer token (the bootstrap admin's unless another is given).</summary>
    public HttpClient Api(string? token = AdminToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed so tests can see them.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A member of staff with the given role (or none) and a personal API token.</summary>
    public async Task<(string UserId, string Email, string Token)> CreateStaffAsync(string? role, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{Guid.NewGuid():N}@staff.test";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? $"{role ?? "No role"} {email[..6]}" };
        Check(await users.CreateAsync(user, StaffPassword));
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }
        var token = ApiToken.NewSecret();
        var db = scope.ServiceProvider.GetRequiredService<RedressDb>();
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "test", Hash = ApiToken.HashOf(token), Hint = ApiToken.HintOf(token) });
        await db.SaveChangesAsync();
        return (user.Id, email, token);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>One app per test class; the database is created fresh for it.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    public RedressApp App { get; private set; } = null!;

    protected abstract Task<RedressApp> CreateAppAsync();

    public async Task InitializeAsync()
    {
        App = await CreateAppAsync();
        App.StartServer();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteApp : AppFixture
{
    protected override Task<RedressApp> CreateAppAsync() => Task.FromResult(new RedressApp(DatabaseProvider.Sqlite));
}
