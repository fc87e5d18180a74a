using System.Text.RegularExpressions;
using Redress.Playbooks;

namespace Redress.Core.Tests.Playbooks;

public sealed partial class BuiltInPlaybooksTests
{
    public static TheoryData<string> Ids => [.. BuiltInPlaybooks.Ids];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_built_in_reads_and_keeps_its_id(string id)
    {
        var (playbook, errors) = PlaybookFormat.Parse(Yaml(id));

        Assert.Empty(errors);
        Assert.Equal(id, playbook!.Id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_step_names_its_seed_file_and_follows_the_articles_order(string id)
    {
        var playbook = TestPlaybooks.Parse(Yaml(id));
        var files = playbook.Stages.SelectMany(s => s.Steps).Select(s => s.Source?.File).Distinct().ToList();

        var file = Assert.Single(files);
        Assert.Matches(@"^00[0-4]_[0-9a-f]{16}\.txt$", file);
        var numbers = playbook.Stages.SelectMany(s => s.Steps).Select(s => StepNumber(s.Source!.Step)).OfType<int>().ToList();
        Assert.NotEmpty(numbers);
        Assert.Equal(numbers.Order(), numbers);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_stage_asks_for_something_before_the_case_may_leave_it(string id)
    {
        var playbook = TestPlaybooks.Parse(Yaml(id));

        Assert.All(playbook.Stages, stage => Assert.Contains(stage.Steps, step => step.Required));
    }

    [Fact]
    public void No_built_in_agrees_a_remedy_before_the_customer_confirmed_the_problem()
    {
        foreach (var id in BuiltInPlaybooks.Ids)
        {
            var steps = TestPlaybooks.Parse(Yaml(id)).Stages.SelectMany(s => s.Steps).ToList();
            var confirm = steps.FindIndex(s => s.CompletedBy == Condition.ProblemStatementConfirmed);
            var remedy = steps.FindIndex(s => s.CompletedBy == Condition.RemedyAgreed);
            Assert.True(confirm >= 0 && confirm < remedy, $"{id}: the confirmation step must come before the remedy step.");
        }
    }

    [Fact]
    public void The_de_escalation_ladder_goes_propose_then_replace_then_refund_last()
    {
        var propose = TestPlaybooks.Parse(Yaml("de-escalation")).FindStage("propose")!;

        Assert.Equal(["propose-a-solution", "replace-or-substitute", "refund-last", "agree-the-remedy"], propose.Steps.Select(s => s.Id));
        Assert.False(propose.Steps.Single(s => s.Id == "refund-last").Required);
    }

    private static string Yaml(string id) => BuiltInPlaybooks.Files().Single(f => f.Id == id).Yaml;

    /// <summary>The article's step number a label starts with ("1a" → 1, "3-5 ..." → 5); null for an unnumbered passage.</summary>
    private static int? StepNumber(string label) => LeadingNumber().Match(label) is { Success: true } m
        ? int.Parse(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    [GeneratedRegex(@"^(\d+)(?:-(\d+))?")]
    private static partial Regex LeadingNumber();
}
