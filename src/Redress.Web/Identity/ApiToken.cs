using System.Security.Cryptography;
using System.Text;

namespace Redress.Web.Identity;

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public const string Prefix = "rd_";

    public long Id { get; set; }
    public required string UserId { get; set; }
    public StaffUser? User { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Hint { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public static string NewSecret() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string HintOf(string token) => token.Length <= 10 ? token : token[..10] + "…";
}
