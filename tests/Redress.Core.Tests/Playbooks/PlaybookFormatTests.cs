using Redress.Complaints;
using Redress.Playbooks;

namespace Redress.Core.Tests.Playbooks;

public class PlaybookFormatTests
{
    [Fact]
    public void A_valid_file_reads_into_stages_steps_gates_and_reply_expectations()
    {
        var playbook = TestPlaybooks.Returns;

        Assert.Equal("returns", playbook.Id);
        Assert.Equal(["listen", "fix", "verify"], playbook.Stages.Select(s => s.Id));
        var listen = playbook.Stages[0];
        Assert.Equal(Condition.ProblemStatementRecorded, listen.Steps[0].CompletedBy);
        Assert.Equal(new StepSource("002_3db7366daed3e660.txt", "2"), listen.Steps[0].Source);
        Assert.False(listen.Steps[2].Required);
        Assert.True(listen.Steps[3].IsManual);
        Assert.Equal([Condition.CustomerSaidEverything], listen.Gate);
        Assert.Equal([ReplyMove.Thanks, ReplyMove.Acknowledgement], listen.Reply.Expect);
        Assert.Equal([ReplyPitfall.Arguing], listen.Reply.Avoid);
        Assert.Equal(2, playbook.FollowUpAttempts);
        Assert.Equal(["returns", "refund"], playbook.AppliesTo.Categories);
        Assert.Equal([Channel.Web, Channel.Email, Channel.Phone], playbook.AppliesTo.Channels);
    }

    [Fact]
    public void The_example_in_the_format_documentation_is_valid()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "playbooks.md"));
        var start = docs.IndexOf("```yaml", StringComparison.Ordinal) + "```yaml".Length;
        var yaml = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];

        var (playbook, errors) = PlaybookFormat.Parse(yaml);

        Assert.Empty(errors);
        Assert.Equal("returns", playbook!.Id);
    }

    [Fact]
    public void An_unknown_condition_is_refused_with_its_line_column_and_the_known_ones()
    {
        var yaml = TestPlaybooks.ReturnsYaml.Replace("completion: remedy_agreed", "completion: remedy_agread");

        var (playbook, errors) = PlaybookFormat.Parse(yaml);

        Assert.Null(playbook);
        var error = Assert.Single(errors);
        Assert.Equal(LineOf(yaml, "remedy_agread"), error.Line);
        Assert.Equal(ColumnOf(yaml, "remedy_agread"), error.Column);
        Assert.Equal("stages[1].steps[0].completion", error.Path);
        Assert.Contains("'remedy_agread' is not a condition", error.Message);
        Assert.Contains("remedy_agreed", error.Message);
        Assert.StartsWith($"line {error.Line}, column {error.Column}: stages[1].steps[0].completion:", error.ToString());
    }

    [Fact]
    public void Unknown_keys_are_mistakes_so_a_typo_never_drops_a_rule_silently()
    {
        var yaml = TestPlaybooks.ReturnsYaml.Replace("gate: [action_plan_set]", "gates: [action_plan_set]");

        var (_, errors) = PlaybookFormat.Parse(yaml);

        var error = Assert.Single(errors);
        Assert.Equal(LineOf(yaml, "gates:"), error.Line);
        Assert.Contains("Unknown key 'gates'", error.Message);
    }

    [Fact]
    public void Broken_yaml_is_refused_with_where_the_parser_stopped()
    {
        var (playbook, errors) = PlaybookFormat.Parse("id: x\nname: [unclosed\nstages: []\n");

        Assert.Null(playbook);
        var error = Assert.Single(errors);
        Assert.True(error.Line >= 2, error.ToString());
        Assert.StartsWith("This is not valid YAML", error.Message);
    }

    [Fact]
    public void Every_mistake_is_reported_at_once()
    {
        const string yaml = """
            id: Bad Id
            stages:
              - id: one
                title: One
                steps:
                  - id: a
                    title: A
                    guidance: Do A.
                    required: maybe
                  - id: a
                    title: Again
                    guidance: Do A again.
                gate: [not_a_condition]
            """;

        var (_, errors) = PlaybookFormat.Parse(yaml);

        var messages = errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.Contains("'Bad Id' is not a valid id", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'name' is required", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Expected true or false, not 'maybe'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("step id", StringComparison.Ordinal) && m.Contains("'a' is used 2 times", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'not_a_condition' is not a condition", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("- just\n- a list\n", "Expected a mapping")]
    [InlineData("id: a1\nname: A\nstages: []\n", "Expected 1 to 12 entries")]
    [InlineData("id: a1\nname: A\n", "no stages")]
    [InlineData("id: a1\nname: A\n---\nid: b1\n", "more than one YAML document")]
    public void Files_without_a_usable_playbook_say_why(string yaml, string expected)
    {
        var (playbook, errors) = PlaybookFormat.Parse(yaml);

        Assert.Null(playbook);
        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_category_rule_outweighs_a_priority_rule_which_outweighs_a_channel_rule()
    {
        var category = new PlaybookRule(["warranty"], [], []).Specificity;
        var priority = new PlaybookRule([], [Priority.Urgent], []).Specificity;
        var channel = new PlaybookRule([], [], [Channel.Phone]).Specificity;

        Assert.True(category > priority + channel);
        Assert.True(priority > channel);
        Assert.True(new PlaybookRule([], [Priority.Urgent], [Channel.Phone]).Specificity > priority);
    }

    [Fact]
    public void A_rule_matches_only_what_it_constrains_and_an_empty_rule_matches_nothing()
    {
        var rule = TestPlaybooks.Returns.AppliesTo;

        Assert.Equal(7, rule.Specificity);
        Assert.True(rule.Matches("returns", Priority.High, Channel.Email));
        Assert.False(rule.Matches("delivery", Priority.High, Channel.Email));
        Assert.False(rule.Matches("returns", Priority.Low, Channel.Email));
        Assert.False(rule.Matches("returns", Priority.High, Channel.Chat));
        Assert.False(PlaybookRule.Any.Matches("returns", Priority.High, Channel.Email));
        Assert.True(new PlaybookRule(["billing"], [], []).Matches("billing", Priority.Low, Channel.Letter));
    }

    private static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    private static int ColumnOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        return index - text.LastIndexOf('\n', index);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Redress.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
