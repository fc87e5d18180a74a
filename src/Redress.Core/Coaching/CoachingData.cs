namespace Redress.Coaching;

/// <summary>The data files shipped inside this assembly (Coaching/Data): lexicons and the built-in coaching rules.</summary>
internal static class CoachingData
{
    public static string Text(string file)
    {
        using var stream = typeof(CoachingData).Assembly.GetManifestResourceStream($"Redress.Coaching.Data.{file}")
            ?? throw new InvalidOperationException($"The coaching data file '{file}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Rows of a two-column tab-separated file; lines starting with # are comments.</summary>
    public static IEnumerable<(string Key, string Value)> Pairs(string file)
    {
        foreach (var line in Text(file).Split('\n'))
        {
            var row = line.TrimEnd('\r');
            var tab = row.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && !row.StartsWith('#'))
            {
                yield return (row[..tab], row[(tab + 1)..]);
            }
        }
    }
}
