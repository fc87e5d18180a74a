namespace Redress.Web.Playbooks;

/// <summary>One saved version of a playbook: the YAML exactly as written, so an admin edits what they wrote.</summary>
public sealed class StoredPlaybook
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    /// <summary>Copied from the YAML so lists need not parse it.</summary>
    public required string Name { get; init; }
    public required string Yaml { get; init; }
    /// <summary>Shipped with Redress rather than written by an admin.</summary>
    public bool BuiltIn { get; init; }
    public DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}
