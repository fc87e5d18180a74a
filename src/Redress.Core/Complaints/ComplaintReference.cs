using System.Text.RegularExpressions;

namespace Redress.Complaints;

/// <summary>The human reference a customer quotes on the phone, e.g. RD-2026-000123.</summary>
public static partial class ComplaintReference
{
    public static string Format(int year, long sequence) => $"RD-{year:D4}-{sequence:D6}";

    public static bool IsWellFormed(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Accepts the reference as people type it: any case, surrounding spaces.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    [GeneratedRegex(@"^RD-\d{4}-\d{6,}$")]
    private static partial Regex Pattern();
}
