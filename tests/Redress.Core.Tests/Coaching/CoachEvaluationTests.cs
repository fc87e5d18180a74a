using Redress.Coaching;
using Redress.Playbooks;
using Xunit.Abstractions;

namespace Redress.Core.Tests.Coaching;

/// <summary>The reply coach on the labelled replies in eval/coaching: precision and recall of at least 0.9 for passing the buck, blame and arguing.</summary>
public sealed class CoachEvaluationTests(ITestOutputHelper output)
{
    /// <summary>The replies the rules were written against.</summary>
    public static IReadOnlyList<ReplyExample> Set { get; } =
    [
        .. Evaluation.ReadReplySet(File.ReadAllText(EvalData.Path("coaching", "replies.tsv"))),
        .. Evaluation.ReadReplySet(File.ReadAllText(EvalData.Path("coaching", "replies-more.tsv"))),
    ];

    /// <summary>Replies written separately and never looked at while writing the rules.</summary>
    public static IReadOnlyList<ReplyExample> HeldOut { get; } = [.. Evaluation.ReadReplySet(File.ReadAllText(EvalData.Path("coaching", "replies-holdout.tsv")))];

    private static IEnumerable<DetectorCounts> Measure(IEnumerable<ReplyExample> examples) => Evaluation.MeasureCoach(ReplyCoach.Default, examples);

    [Theory]
    [InlineData("passing_the_buck")]
    [InlineData("blame")]
    [InlineData("arguing")]
    public void The_coach_finds_the_pitfalls_the_seeds_forbid_without_crying_wolf(string pitfall)
    {
        var all = Measure(Set).ToList();
        foreach (var counts in all)
        {
            output.WriteLine(Evaluation.Format(counts));
        }

        var measured = all.Single(c => c.Name == pitfall);
        Assert.True(measured.Precision >= 0.9 && measured.Recall >= 0.9, Evaluation.Format(measured));
    }

    [Fact]
    public void On_replies_never_seen_while_writing_the_rules_the_coach_still_finds_about_half_the_pitfalls()
    {
        var all = Measure(HeldOut).ToList();
        foreach (var counts in all)
        {
            output.WriteLine("held-out " + Evaluation.Format(counts));
        }

        foreach (var pitfall in new[] { "passing_the_buck", "blame", "arguing" })
        {
            var measured = all.Single(c => c.Name == pitfall);
            Assert.True(measured.Precision >= 0.75 && measured.Recall >= 0.5, "held-out " + Evaluation.Format(measured));
        }
    }
}
