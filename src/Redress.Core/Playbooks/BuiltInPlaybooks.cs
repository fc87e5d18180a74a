namespace Redress.Playbooks;

/// <summary>The five methods from the seed articles, shipped in this assembly as YAML (Playbooks/BuiltIn/*.yaml).</summary>
public static class BuiltInPlaybooks
{
    public static readonly string[] Ids = ["serv", "personal-touch", "facing-the-music", "de-escalation", "service-recovery-7"];

    /// <summary>The YAML text of each built-in, in the order of <see cref="Ids"/>.</summary>
    public static IEnumerable<(string Id, string Yaml)> Files()
    {
        var assembly = typeof(BuiltInPlaybooks).Assembly;
        foreach (var id in Ids)
        {
            using var stream = assembly.GetManifestResourceStream($"Redress.Playbooks.BuiltIn.{id}.yaml")
                ?? throw new InvalidOperationException($"The built-in playbook '{id}' is missing from the assembly.");
            using var reader = new StreamReader(stream);
            yield return (id, reader.ReadToEnd());
        }
    }
}
