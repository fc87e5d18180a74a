using Microsoft.Extensions.Options;
using Redress.Web.Demo;
using Redress.Web.Identity;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web;

/// <summary>Before the first request: migrate, install the built-in playbooks, create the first admin, fill the demo, and tell the operator how to sign in.</summary>
public static class Startup
{
    public static async Task PrepareAsync(WebApplication app)
    {
        var ct = app.Lifetime.ApplicationStopping;
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<RedressDb>(), ct);
        await scope.ServiceProvider.GetRequiredService<PlaybookStore>().InstallBuiltInsAsync(ct);

        var bootstrap = await scope.ServiceProvider.GetRequiredService<StaffBootstrap>().RunAsync(ct);
        var seedDemo = bootstrap is not null && scope.ServiceProvider.GetRequiredService<IOptions<RedressOptions>>().Value.SeedDemo;
        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(bootstrap!.Password, ct);
        }

        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(Banner(app.Urls, bootstrap, seedDemo)));
    }

    private static string Banner(ICollection<string> urls, BootstrapResult? bootstrap, bool seeded)
    {
        var url = urls.FirstOrDefault() ?? "http://localhost:5000";
        var lines = new List<string> { "", $"  Redress is running at {url}", $"  Public complaint form: {url}/complain", $"  Staff sign-in:         {url}/login" };
        if (bootstrap is not null)
        {
            lines.Add(bootstrap.PasswordWasGenerated
                ? $"  First start: sign in as {bootstrap.AdminEmail} with the one-time password {bootstrap.Password}  (shown only now; change it at /account/password)"
                : $"  First start: sign in as {bootstrap.AdminEmail} with the password from Redress__Bootstrap__AdminPassword");
        }
        if (seeded)
        {
            lines.Add($"  Demo staff (same password): {string.Join(", ", DemoSeeder.Staff.Select(s => $"{s.Email} ({s.Role})"))}");
        }
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }
}
