using System.Text.Json;

namespace Redress;

/// <summary>How enum values are written in JSON, URLs and forms: snake case (in_progress, in_person).</summary>
public static class WireNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of);

    /// <summary>Accepts the wire name in any case; also the hyphenated spelling people type (in-person).</summary>
    public static bool TryParse<T>(string? value, out T result) where T : struct, Enum
    {
        var wanted = value?.Trim().Replace('-', '_');
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }
        result = default;
        return false;
    }
}
