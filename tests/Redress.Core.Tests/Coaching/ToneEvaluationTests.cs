using Redress.Coaching;
using Xunit.Abstractions;

namespace Redress.Core.Tests.Coaching;

/// <summary>The anger score on the hand-labelled tone set in eval/tone: the target is a ROC AUC of at least 0.85.</summary>
public sealed class ToneEvaluationTests(ITestOutputHelper output)
{
    private static readonly ToneAnalyzer Tone = ToneAnalyzer.Load();

    public static IReadOnlyList<ToneExample> Set { get; } =
    [
        .. Evaluation.ReadToneSet(File.ReadAllText(EvalData.Path("tone", "cfpb.tsv")), "letter"),
        .. Evaluation.ReadToneSet(File.ReadAllText(EvalData.Path("tone", "messages.tsv")), "chat"),
    ];


    /// <summary>
    /// The issue asks 0.85 on the whole set (we reach 0.903) and on short informal messages (0.972). Long letters (0.864)
    /// and the half of the set that was not looked at while tuning the cues (held-out, 0.882) are held to it too.
    /// </summary>
    [Theory]
    [InlineData("all", 0.89)]
    [InlineData("short", 0.95)]
    [InlineData("letters", 0.85)]
    [InlineData("held-out", 0.87)]
    public void The_anger_score_separates_negative_messages_from_the_rest(string subset, double target)
    {
        var (count, auc) = Evaluation.ToneAuc(Tone, Set, subset);

        output.WriteLine($"{subset}: {count} messages, ROC AUC {auc:F3}");
        Assert.True(auc >= target, $"ROC AUC on {subset} is {auc:F3}");
    }

    /// <summary>
    /// Two later blind readers drew "negative" more narrowly on the letters than the set's first reader
    /// (eval/README.md); against the three's majority the score is weaker, and these floors keep it from slipping.
    /// </summary>
    [Theory]
    [InlineData("all", 0.86)]
    [InlineData("short", 0.95)]
    [InlineData("letters", 0.81)]
    [InlineData("held-out", 0.83)]
    public void Against_the_majority_of_three_readers_the_score_holds_its_floor(string subset, double floor)
    {
        var byMajority = Evaluation.ByMajority(Set, File.ReadAllText(EvalData.Path("tone", "readers", "readings.tsv")));

        var (count, auc) = Evaluation.ToneAuc(Tone, byMajority, subset);

        output.WriteLine($"{subset}: {count} messages, ROC AUC {auc:F3}");
        Assert.True(auc >= floor, $"ROC AUC on {subset} against the majority is {auc:F3}");
    }

    /// <summary>None of the messages the tone reader learns from may be one it is measured on, nor contain one.</summary>
    [Fact]
    public void No_evaluation_message_is_among_the_messages_the_tone_reader_learns_from()
    {
        var training = ToneAnalyzer.TrainingMessages.Select(m => Normal(m.Text)).ToList();

        // Containment counts from eight words up: a real complaint may be just "Inaccurate information".
        var shared = Set.Select(e => (e.Id, Text: Normal(e.Text)))
            .Where(e => training.Any(t => t == e.Text || Within(e.Text, t) || Within(t, e.Text)))
            .Select(e => e.Id).ToList();

        Assert.Empty(shared);
    }

    private static bool Within(string part, string whole) => part.Count(c => c == ' ') >= 7 && whole.Contains(part, StringComparison.Ordinal);

    private static string Normal(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void A_tone_example_without_its_two_later_readings_is_an_error_naming_it()
    {
        var set = new[] { new ToneExample("m900", true, "chat", "This is a joke.") };

        var error = Assert.Throws<FormatException>(() => Evaluation.ByMajority(set, "set\tid\tsecond_reader\tthird_reader\nmessages.tsv\tm001\tnegative sure\tnegative sure\n"));

        Assert.Contains("m900", error.Message);
    }
}
