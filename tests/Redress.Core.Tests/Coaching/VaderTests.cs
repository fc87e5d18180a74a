using System.Globalization;
using Redress.Coaching;

namespace Redress.Core.Tests.Coaching;

public sealed class VaderTests
{
    private static readonly Vader Vader = Vader.Load();

    [Theory]
    [InlineData("VADER is smart, handsome, and funny.", 0.8316)]
    [InlineData("VADER is smart, handsome, and funny!", 0.8439)]
    [InlineData("VADER is very smart, handsome, and funny.", 0.8545)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY.", 0.9227)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342)]
    [InlineData("VADER is not smart, handsome, nor funny.", -0.7424)]
    [InlineData("The book was good.", 0.4404)]
    [InlineData("At least it isn't a horrible book.", 0.431)]
    [InlineData("The book was only kind of good.", 0.3832)]
    [InlineData("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042)]
    [InlineData("Today SUX!", -0.5461)]
    [InlineData("Today only kinda sux! But I'll get by, lol", 0.5249)]
    [InlineData("Make sure you :) or :D today!", 0.8633)]
    [InlineData("Not bad at all", 0.431)]
    public void Scores_match_the_published_examples(string text, double compound)
    {
        Assert.Equal(compound, Vader.Score(text).Compound, 2);
    }

    /// <summary>The authors' 4,200 human-rated tweets (eval/vader, test data, not shipped): VADER reported r = 0.88 on them.</summary>
    [Fact]
    public void Compound_scores_follow_human_ratings_of_tweets()
    {
        var path = EvalData.Path("vader", "tweets_GroundTruth.txt");
        var rows = File.ReadLines(path).Select(l => l.Split('\t')).Where(f => f.Length >= 3)
            .Select(f => (Human: double.Parse(f[1], CultureInfo.InvariantCulture), Text: f[2])).ToList();

        var r = Statistics.Pearson(rows.Select(x => x.Human).ToArray(), rows.Select(x => Vader.Score(x.Text).Compound).ToArray());

        Assert.True(rows.Count > 4000);
        Assert.True(r >= 0.85, $"Pearson r = {r:F3}");
    }
}
