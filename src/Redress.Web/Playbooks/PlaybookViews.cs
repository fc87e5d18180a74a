using Redress.Playbooks;

namespace Redress.Web.Playbooks;

public sealed record RuleView(IReadOnlyList<string> Categories, IReadOnlyList<string> Priorities, IReadOnlyList<string> Channels);

public sealed record PlaybookSummary(string Id, int Version, string Name, string? Summary, bool BuiltIn, bool IsDefault, RuleView AppliesTo,
    IReadOnlyList<StageRef> Stages, DateTime? SavedAt);

public sealed record StageRef(string Id, string Title);

public sealed record SourceView(string File, string Step);

public sealed record PlaybookStepView(string Id, string Title, string Guidance, bool Required, string Completion, SourceView? Source);

public sealed record PlaybookStageView(string Id, string Title, string? Purpose, IReadOnlyList<PlaybookStepView> Steps, IReadOnlyList<string> Gate,
    IReadOnlyList<string> ReplyExpect, IReadOnlyList<string> ReplyAvoid, string? ReplyAdvice);

public sealed record PlaybookDocument(string Id, int Version, string Name, string? Summary, string? Source, bool BuiltIn, bool IsDefault,
    RuleView AppliesTo, int FollowUpAttempts, IReadOnlyList<PlaybookStageView> Stages, IReadOnlyList<int> Versions, string Yaml);

public static class PlaybookViews
{
    public static RuleView Rule(PlaybookRule rule) =>
        new(rule.Categories, [.. rule.Priorities.Select(WireNames.Of)], [.. rule.Channels.Select(WireNames.Of)]);

    public static PlaybookSummary Summary(Playbook p, PlaybookLibrary library) =>
        new(p.Id, p.Version, p.Name, p.Summary, library.IsBuiltIn(p.Id), library.Default.Id == p.Id, Rule(p.AppliesTo),
            [.. p.Stages.Select(s => new StageRef(s.Id, s.Title))], library.SavedAt(p.Id, p.Version));

    public static PlaybookDocument Document(Playbook p, PlaybookLibrary library, string yaml) =>
        new(p.Id, p.Version, p.Name, p.Summary, p.Source, library.IsBuiltIn(p.Id), library.Default.Id == p.Id, Rule(p.AppliesTo), p.FollowUpAttempts,
            [.. p.Stages.Select(s => new PlaybookStageView(s.Id, s.Title, s.Purpose,
                [.. s.Steps.Select(step => new PlaybookStepView(step.Id, step.Title, step.Guidance, step.Required,
                    step.CompletedBy is { } c ? WireNames.Of(c) : "manual", step.Source is { } src ? new SourceView(src.File, src.Step) : null))],
                [.. s.Gate.Select(WireNames.Of)], [.. s.Reply.Expect.Select(WireNames.Of)], [.. s.Reply.Avoid.Select(WireNames.Of)], s.Reply.Advice))],
            [.. library.Versions(p.Id).Select(v => v.Version)], yaml);
}
