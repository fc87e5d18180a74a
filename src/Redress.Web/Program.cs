using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Redress.Coaching;
using Redress.Web;
using Redress.Web.Api;
using Redress.Web.Coaching;
using Redress.Web.Complaints;
using Redress.Web.Demo;
using Redress.Web.Identity;
using Redress.Web.Playbooks;
using Redress.Web.Public;
using Redress.Web.Storage;

// `Redress.Web evaluate-coaching [eval folder]`: the anger score's and the reply coach's figures on the labelled sets, then exit.
if (args is ["evaluate-coaching", ..])
{
    return CoachingReport.Run(args.Length > 1 ? args[1] : null);
}

// `Redress.Web fit-reply-judge [file]`: fits the coach's judge of whole drafts on the training replies and writes Coaching/Data/reply-judge.tsv.
if (args is ["fit-reply-judge", ..])
{
    return CoachingReport.FitJudge(args.Length > 1 ? args[1] : null);
}

var builder = WebApplication.CreateBuilder(args);

// Contract configuration keys (Redress:*, Database:*), checked at start so a bad setting fails here, not at the first request.
builder.Services.AddOptions<RedressOptions>().BindConfiguration(RedressOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<BootstrapOptions>().BindConfiguration($"{RedressOptions.Section}:Bootstrap").ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<PlaybookOptions>().BindConfiguration(PlaybookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<PublicFormOptions>().BindConfiguration(PublicFormOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);

// Storage: SQLite in the data directory by default, PostgreSQL for several nodes.
builder.Services.AddRedressDatabase();

// Staff sign in with ASP.NET Core Identity (cookie for pages); integrations use personal API tokens (Bearer).
builder.Services.AddIdentityCore<StaffUser>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 10;
        options.Lockout.MaxFailedAccessAttempts = 10;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<RedressDb>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<StaffClaimsFactory>();
// Under /api a request is a client with a token (401 problem when missing), elsewhere a person with a cookie (sent to /login).
builder.Services.AddAuthentication(StaffSchemes.Default)
    .AddPolicyScheme(StaffSchemes.Default, "Cookie for pages, token for the API", options => options.ForwardDefaultSelector = context =>
        context.Request.Path.StartsWithSegments("/api") ? BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "redress.auth";
    options.LoginPath = "/login";
    options.LogoutPath = "/logout";
    options.AccessDeniedPath = "/access-denied";
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(12);
});
builder.Services.AddMemoryCache();

// Roles: every staff page and endpoint needs one; anything not marked otherwise needs at least Agent.
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Agent, policy => policy.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin))
    .AddPolicy(Policies.Supervisor, policy => policy.RequireRole(Roles.Supervisor, Roles.Admin))
    .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin).Build());

// Keys in the database so every node can read every node's cookies and antiforgery tokens.
builder.Services.AddDataProtection().SetApplicationName("Redress").PersistKeysToDbContext<RedressDb>();

// Server-rendered pages live in their feature folders (Complaints/, Public/, Identity/).
builder.Services.AddRazorPages(options => options.RootDirectory = "/");

// JSON: camelCase, enums as snake_case strings (in_progress).
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));

// Errors are RFC 9457 problem details.
builder.Services.AddProblemDetails();

// The public complaint form is open to anyone, so it is rate-limited per client address.
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.OnRejected = (context, ct) => new ValueTask(context.HttpContext.Response.WriteAsync(
        "Too many complaints from your address in the last minute. Please wait a minute, then go back and send it again.", ct));
    // Only sending counts: reading the form is free.
    options.AddPolicy(PublicFormOptions.RateLimitPolicy, context => HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => PublicFormOptions.Limiter(context.RequestServices))
        : RateLimitPartition.GetNoLimiter("read"));
});

// OpenAPI document and a browsable reference at /api/docs.
builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer<ApiDocument>());

// /healthz and /readyz check that the database answers; /readyz also that the reply coach is trained.
builder.Services.AddSingleton<CoachTraining>();
builder.Services.AddHostedService(services => services.GetRequiredService<CoachTraining>());
builder.Services.AddHealthChecks().AddDbContextCheck<RedressDb>("database").AddCheck<CoachTraining>("reply-coach", tags: ["ready"]);

// Serve wwwroot from the build output when not published (dotnet run, tests); a no-op in a published app.
builder.WebHost.UseStaticWebAssets();

// Nothing Redress takes needs more than this; bigger bodies are refused before they are read.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services.AddSingleton<WriteGate>();
// Intake is one queue per node that commits complaints in groups (see Intake).
// Coaching: the tone of what customers write (read at intake) and the reply coach; both load their data once.
builder.Services.AddSingleton(_ => ToneAnalyzer.Load());
builder.Services.AddSingleton(_ => ReplyCoach.Default);
builder.Services.AddScoped<CaseCoaching>();
builder.Services.AddSingleton<Intake>();
builder.Services.AddHostedService(services => services.GetRequiredService<Intake>());
builder.Services.AddScoped<CaseWork>();
// Playbooks: every saved version parsed in memory, refreshed from the database (see PlaybookLibrary).
builder.Services.AddSingleton<PlaybookLibrary>();
builder.Services.AddHostedService<PlaybookRefresher>();
builder.Services.AddScoped<PlaybookStore>();
builder.Services.AddScoped<StaffBootstrap>();
builder.Services.AddScoped<DemoSeeder>();

var app = builder.Build();

// `Redress.Web migrate`: apply the database migrations and exit, for operators who migrate before rolling out.
if (args.Contains("migrate"))
{
    await using var scope = app.Services.CreateAsyncScope();
    await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<RedressDb>());
    Console.WriteLine("Database migrated.");
    return 0;
}

await Startup.PrepareAsync(app);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapComplaints();
app.MapPlaybooks();
app.MapCoaching();
app.MapApiDocs();
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => !check.Tags.Contains("ready") }).AllowAnonymous();
app.MapHealthChecks("/readyz").AllowAnonymous();

app.Run();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
