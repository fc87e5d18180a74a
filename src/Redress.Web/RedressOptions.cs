using System.ComponentModel.DataAnnotations;

namespace Redress.Web;

/// <summary>The "Redress" configuration section (environment: Redress__Key).</summary>
public sealed class RedressOptions
{
    public const string Section = "Redress";

    /// <summary>Folder for the SQLite file and local files.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Fill an empty database with demo complaints and staff on start.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>The address customers reach, for links in e-mails and the portal.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    public BootstrapOptions Bootstrap { get; set; } = new();
}

/// <summary>On first start with an empty database: this admin and this API token (for automation).</summary>
public sealed class BootstrapOptions : IValidatableObject
{
    [EmailAddress]
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public string? ApiToken { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiToken is { Length: < 16 })
        {
            yield return new ValidationResult("Redress:Bootstrap:ApiToken must be at least 16 characters long.", [nameof(ApiToken)]);
        }
        if (AdminPassword is not null && AdminEmail is null)
        {
            yield return new ValidationResult("Redress:Bootstrap:AdminPassword is set without Redress:Bootstrap:AdminEmail.", [nameof(AdminEmail)]);
        }
    }
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
