using Redress.Coaching;
using Redress.Complaints;

namespace Redress.Core.Tests.Coaching;

public sealed class ToneAnalyzerTests
{
    private static readonly ToneAnalyzer Tone = ToneAnalyzer.Load();

    [Theory]
    [InlineData("If this isn't fixed today I'm cancelling my account and taking my business elsewhere.", ToneSignal.ThreatToLeave)]
    [InlineData("I will be posting about this on social media and leaving a one-star review.", ToneSignal.ThreatToGoPublic)]
    [InlineData("Fix it by Friday or I'm putting the whole story online.", ToneSignal.ThreatToGoPublic)]
    [InlineData("My solicitor will be in touch, and I am reporting you to the ombudsman.", ToneSignal.LegalThreat)]
    [InlineData("This is the third time I have called about this and I am still waiting.", ToneSignal.RepeatedContact)]
    [InlineData("WHERE IS MY REFUND? I HAVE WAITED SIX WEEKS", ToneSignal.Shouting)]
    [InlineData("This is absolute bullshit, wtf is going on", ToneSignal.Profanity)]
    public void Each_signal_is_named(string text, ToneSignal signal)
    {
        Assert.Contains(signal, Tone.Read(text).Signals);
    }

    [Theory]
    [InlineData("Thanks so much, the replacement arrived today and it's perfect!")]
    [InlineData("Could you tell me when the store opens on Sunday?")]
    [InlineData("I paid online and saw the order posted on the tracking page.")]
    [InlineData("The wrong colour was my mistake, no problem at all, happy to swap it.")]
    [InlineData("I reported the error on my statement through the USPS tracking page and XXXX confirmed it.")]
    public void Calm_messages_carry_no_signals_and_score_low(string text)
    {
        var reading = Tone.Read(text);

        Assert.Empty(reading.Signals);
        Assert.True(reading.Score < 0.3, $"{reading.Score} for '{text}'");
    }

    [Fact]
    public void An_angry_message_scores_higher_than_a_calm_report_of_the_same_problem()
    {
        var calm = Tone.Read("My parcel hasn't arrived yet. Could you check where it is, please?");
        var angry = Tone.Read("Where is my parcel?? Third time asking. This is ridiculous and I'm telling everyone I know.");

        Assert.True(angry.Score > calm.Score + 0.4, $"{angry.Score} vs {calm.Score}");
        Assert.True(angry.IsVolatile);
    }

    /// <summary>
    /// The learnt part of the score reads feeling no lexicon word carries, and reads a calm dispute letter's "fraud" and
    /// "victim" as the vocabulary of the problem; the lexicon reading alone is the baseline.
    /// </summary>
    [Theory]
    [InlineData("I am tired of being told to wait. This is the fourth time I have asked for my refund.", true)]
    [InlineData("Still no refund. Nine days.", true)]
    [InlineData("I dispute the accuracy of the fraudulent account on my credit report. I was a victim of identity theft and the account was opened without my knowledge. Please remove it.", false)]
    public void The_learnt_messages_move_the_score_the_way_a_reader_would(string text, bool negative)
    {
        var lexiconOnly = new ToneAnalyzer(Vader.Load(ToneAnalyzer.ComplaintWords)).Read(text).Score;

        var score = Tone.Read(text).Score;

        Assert.True(negative ? score > lexiconOnly + 0.1 : score < lexiconOnly, $"{score} against {lexiconOnly} for the lexicon alone");
    }

    [Fact]
    public void A_threat_to_go_public_makes_a_normal_complaint_high_and_two_threats_from_an_angry_customer_urgent()
    {
        var publicThreat = Tone.Read("I'm going to post this on Twitter.");
        var furious = Tone.Read("This is a disgrace. I am taking you to court and going to the press!");

        Assert.Equal(Priority.High, publicThreat.PriorityFor(Priority.Normal));
        Assert.Equal(Priority.Urgent, furious.PriorityFor(Priority.Normal));
        Assert.Equal(Priority.Normal, ToneReading.Calm.PriorityFor(Priority.Normal));
        Assert.Equal(Priority.Urgent, ToneReading.Calm.PriorityFor(Priority.Urgent)); // never lowered
    }

    [Fact]
    public void Empty_text_is_calm()
    {
        Assert.Equal(ToneReading.Calm, Tone.Read("   "));
    }
}
