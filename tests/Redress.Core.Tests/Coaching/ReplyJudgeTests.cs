using Redress.Coaching;
using Redress.Playbooks;

namespace Redress.Core.Tests.Coaching;

public sealed class ReplyJudgeTests
{
    private static readonly int Labels = SentenceModel.LabelNames.Count;

    /// <summary>A reading where the model is sure of <paramref name="sure"/> in the whole reply and of nothing else.</summary>
    private static double[] ReadingSureOf(params string[] sure)
    {
        double[] whole = [.. SentenceModel.LabelNames.Select(l => sure.Contains(l) ? 0.95 : 0.02)];
        return ReplyJudge.Reading(whole, [whole]);
    }

    [Fact]
    public void It_reads_the_labels_together()
    {
        // Replies the model reads as both passing the buck and blame carry only the buck: a partner named as who
        // handles it, not who caused it.
        var buckOnly = new HashSet<string> { "passing_the_buck" };
        var blameOnly = new HashSet<string> { "blame" };
        var replies = new List<(double[], IReadOnlySet<string>)>();
        for (var i = 0; i < 30; i++)
        {
            replies.Add((ReadingSureOf("passing_the_buck", "blame"), buckOnly));
            replies.Add((ReadingSureOf("blame"), blameOnly));
            replies.Add((ReadingSureOf(), new HashSet<string>()));
        }

        var judge = ReplyJudge.Fit(replies);

        Assert.True(judge.Carries(ReplyPitfall.Blame, ReadingSureOf("blame")));
        Assert.False(judge.Carries(ReplyPitfall.Blame, ReadingSureOf("passing_the_buck", "blame")));
        Assert.True(judge.Carries(ReplyPitfall.PassingTheBuck, ReadingSureOf("passing_the_buck", "blame")));
        Assert.False(judge.Carries(ReplyPitfall.PassingTheBuck, ReadingSureOf()));
    }

    [Fact]
    public void A_written_judge_reads_back_the_same()
    {
        var judge = ReplyJudge.BuiltIn;

        var again = ReplyJudge.Parse(judge.Write());

        Assert.Equal(0, again.DistanceTo(judge));
        Assert.Equal(judge.Chance(ReplyPitfall.Arguing, ReadingSureOf("arguing")), again.Chance(ReplyPitfall.Arguing, ReadingSureOf("arguing")));
    }

    [Fact]
    public void A_table_without_a_row_for_every_feature_is_refused_by_name()
    {
        var rows = ReplyJudge.BuiltIn.Write().Split('\n').Where(l => !l.StartsWith("sentence:ownership", StringComparison.Ordinal));

        var error = Assert.Throws<FormatException>(() => ReplyJudge.Parse(string.Join('\n', rows)));

        Assert.Contains("sentence:ownership", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_without_sentences_reads_as_nothing_likely_in_any_sentence()
    {
        var reading = ReplyJudge.Reading([.. Enumerable.Repeat(0.5, Labels)], []);

        Assert.Equal(2 * Labels, reading.Length);
        Assert.All(reading.Take(Labels), v => Assert.Equal(0, v, 9));
        Assert.All(reading.Skip(Labels), v => Assert.Equal(-12, v));
    }
}
