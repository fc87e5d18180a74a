using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Redress.Web.Public;

/// <summary>The "Redress:PublicForm" section: how many complaints one address may file per minute.</summary>
public sealed class PublicFormOptions
{
    public const string Section = "Redress:PublicForm";
    public const string RateLimitPolicy = "public-form";

    [Range(1, 10_000)]
    public int PermitPerMinute { get; set; } = 10;

    public static FixedWindowRateLimiterOptions Limiter(IServiceProvider services) => new()
    {
        PermitLimit = services.GetRequiredService<IOptions<PublicFormOptions>>().Value.PermitPerMinute,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
