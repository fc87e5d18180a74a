using Redress.Complaints;

namespace Redress.Playbooks;

/// <summary>
/// One complaint-handling method as data: stages in order, steps in each, the gate to leave each stage, and what a
/// reply should do at each stage. Read from YAML by <see cref="PlaybookFormat"/>; see docs/playbooks.md.
/// </summary>
public sealed record Playbook(
    string Id,
    string Name,
    string? Summary,
    string? Source,
    PlaybookRule AppliesTo,
    int FollowUpAttempts,
    IReadOnlyList<Stage> Stages)
{
    public const int DefaultFollowUpAttempts = 3;

    /// <summary>Assigned by the playbook store: each saved edit is a new version; 0 for a file not yet saved.</summary>
    public int Version { get; init; }

    /// <summary>The playbook's own reply-coaching rules, on top of the built-in ones (coach_rules in the YAML).</summary>
    public IReadOnlyList<Coaching.CoachRule> CoachRules { get; init; } = [];

    public Stage FirstStage => Stages[0];

    public Stage? FindStage(string stageId) => Stages.FirstOrDefault(s => s.Id == stageId);

    public int IndexOf(Stage stage) => Stages.ToList().IndexOf(stage);

    /// <summary>The stage after this one, or null when this is the last (leaving it closes the case).</summary>
    public Stage? After(Stage stage) => IndexOf(stage) + 1 < Stages.Count ? Stages[IndexOf(stage) + 1] : null;

    public (Stage Stage, Step Step)? FindStep(string stepId) =>
        Stages.SelectMany(stage => stage.Steps.Select(step => (stage, step))).FirstOrDefault(x => x.step.Id == stepId) is { step: not null } found
            ? found
            : null;
}

public sealed record Stage(string Id, string Title, string? Purpose, IReadOnlyList<Step> Steps, IReadOnlyList<Condition> Gate, ReplyExpectations Reply);

public sealed record Step(string Id, string Title, string Guidance, bool Required, Condition? CompletedBy, StepSource? Source)
{
    public bool IsManual => CompletedBy is null;
}

/// <summary>Where in the method a step comes from: the source file and the article's own step label.</summary>
public sealed record StepSource(string File, string Step);

/// <summary>What a reply to the customer should do at a stage; the reply coach reads it.</summary>
public sealed record ReplyExpectations(IReadOnlyList<ReplyMove> Expect, IReadOnlyList<ReplyPitfall> Avoid, string? Advice)
{
    public static ReplyExpectations None { get; } = new([], [], null);
}

public enum ReplyMove
{
    Apology,
    Acknowledgement,
    Thanks,
    NextSteps,
    TimeFrame,
    Ownership,
}

public enum ReplyPitfall
{
    PassingTheBuck,
    Blame,
    Arguing,
    FlatNo,
    NonApology,
}

/// <summary>
/// Which new complaints a playbook is for. An empty list matches anything; a rule that constrains nothing is not a
/// rule at all (the playbook is used as the default or when an agent picks it).
/// </summary>
public sealed record PlaybookRule(IReadOnlyList<string> Categories, IReadOnlyList<Priority> Priorities, IReadOnlyList<Channel> Channels)
{
    public static PlaybookRule Any { get; } = new([], [], []);

    /// <summary>
    /// How specific the rule is; the most specific match wins. What the complaint is about (category) outweighs how
    /// urgent it is (priority), which outweighs how it arrived (channel): 4 + 2 + 1, so no two kinds of rule tie.
    /// </summary>
    public int Specificity => (Categories.Count > 0 ? 4 : 0) + (Priorities.Count > 0 ? 2 : 0) + (Channels.Count > 0 ? 1 : 0);

    public bool Matches(string category, Priority priority, Channel channel) =>
        Specificity > 0
        && (Categories.Count == 0 || Categories.Contains(category))
        && (Priorities.Count == 0 || Priorities.Contains(priority))
        && (Channels.Count == 0 || Channels.Contains(channel));
}
