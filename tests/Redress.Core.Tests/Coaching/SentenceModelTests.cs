using Redress.Coaching;

namespace Redress.Core.Tests.Coaching;

public sealed class SentenceModelTests
{
    [Fact]
    public void Sentences_are_split_after_full_stops_and_line_breaks_with_spans_into_the_original()
    {
        const string text = "  Sorry, Hannah!  I've rebooked it for 3.30 tomorrow.\nThanks... ";

        var sentences = SentenceModel.Sentences(text).Select(s => text.Substring(s.Start, s.Length)).ToList();

        Assert.Equal(["Sorry, Hannah!", "I've rebooked it for 3.30 tomorrow.", "Thanks..."], sentences);
        Assert.Empty(SentenceModel.Sentences(" ... \n - "));
    }

    [Fact]
    public void Training_is_the_same_every_time_so_a_finding_does_not_change_between_runs()
    {
        List<LabelledSentence> data =
        [
            new("That's for the courier to sort out, not us.", new HashSet<string> { "passing_the_buck" }),
            new("You'll have to ring the manufacturer yourself.", new HashSet<string> { "passing_the_buck" }),
            new("I've chased the courier myself and I'll call you by noon.", new HashSet<string> { "next_steps", "time_frame", "ownership" }),
            new("Thank you for the photos.", new HashSet<string> { "thanks" }),
        ];
        string[] labels = ["passing_the_buck", "next_steps", "thanks"];

        var first = SentenceModel.Train(data, labels).Probabilities("Ring the courier, they'll sort it.");
        var second = SentenceModel.Train(data, labels).Probabilities("Ring the courier, they'll sort it.");

        Assert.Equal(first, second);
        Assert.True(first[0] > first[2], "passing the buck should read as likelier than thanks");
    }

    [Fact]
    public void A_label_that_is_unknown_for_a_sentence_teaches_nothing_either_way()
    {
        var unknown = new HashSet<string> { "thanks" };
        List<LabelledSentence> data = [new("Thank you so much.", new HashSet<string>(), unknown), new("Thanks for waiting.", new HashSet<string> { "thanks" })];

        var model = SentenceModel.Train(data, ["thanks"]);

        Assert.True(model.Probabilities("Thank you so much.")[0] > 0.5);
    }

    [Fact]
    public void The_shipped_sentences_read_and_carry_only_known_labels()
    {
        Assert.True(SentenceModel.BuiltIn.Labels.Count == 11);
        var error = Assert.Throws<FormatException>(() => SentenceModel.ReadSentences("source\tlabels\tunknown\ttext\nx\tpassing_buck\tnone\tHello."));
        Assert.Contains("'passing_buck'", error.Message, StringComparison.Ordinal);
    }
}
