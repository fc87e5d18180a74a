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

    /// <summary>Replies written separately: the sentence model's thresholds were chosen on them (eval/README.md).</summary>
    public static IReadOnlyList<ReplyExample> Development { get; } =
    [
        .. Evaluation.ReadReplySet(File.ReadAllText(EvalData.Path("coaching", "replies-dev-1.tsv"))),
        .. Evaluation.ReadReplySet(File.ReadAllText(EvalData.Path("coaching", "replies-dev-2.tsv"))),
        .. Evaluation.ReadReplySet(File.ReadAllText(EvalData.Path("coaching", "replies-dev-3.tsv"))),
    ];

    /// <summary>Replies by a writer who saw only the label definitions; never read, nothing chosen on them.</summary>
    public static IReadOnlyList<ReplyExample> Unseen { get; } = [.. Evaluation.ReadReplySet(File.ReadAllText(EvalData.Path("coaching", "replies-unseen.tsv")))];

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

    [Theory]
    [InlineData("development")]
    [InlineData("unseen")]
    public void On_replies_written_apart_from_the_rules_and_the_training_sentences_the_targets_hold(string set)
    {
        var all = Measure(set == "unseen" ? Unseen : Development).ToList();
        foreach (var counts in all)
        {
            output.WriteLine(set + " " + Evaluation.Format(counts));
        }

        foreach (var pitfall in new[] { "passing_the_buck", "blame", "arguing" })
        {
            var measured = all.Single(c => c.Name == pitfall);
            Assert.True(measured.Precision >= 0.85 && measured.Recall >= 0.8, set + " " + Evaluation.Format(measured));
        }
    }
}
