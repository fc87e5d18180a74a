using System.Text.RegularExpressions;
using Redress.Coaching;
using Redress.Playbooks;

namespace Redress.Core.Tests.Coaching;

public sealed class ReplyCoachTests
{
    private static readonly ReplyCoach Coach = ReplyCoach.Default;

    [Fact]
    public void Not_my_job_is_found_with_its_span_and_a_better_wording()
    {
        const string draft = "That's not my job, someone else handles refunds.";

        var finding = Coach.Review(draft).First(f => f.Pitfall == ReplyPitfall.PassingTheBuck);

        Assert.Equal("passing-the-buck", finding.RuleId);
        Assert.Equal("That's not my job", draft.Substring(finding.Start, finding.Length));
        Assert.NotNull(finding.Suggestion);
    }

    [Theory]
    [InlineData("Honestly, the chap who fitted your blinds last month is a subcontractor and he tends to rush, so I'd ring him about it.", ReplyPitfall.Blame)]
    [InlineData("With respect, the photos you sent show normal wear for a sofa that's four years old.", ReplyPitfall.Arguing)]
    [InlineData("Our Leeds depot holds your parcel now, so any questions about it are best put to them.", ReplyPitfall.PassingTheBuck)]
    public void A_paraphrase_no_rule_was_written_for_is_found_on_its_sentence(string sentence, ReplyPitfall pitfall)
    {
        var draft = "Thanks for getting back to me. " + sentence;

        var finding = Coach.Review(draft).First(f => f.Pitfall == pitfall);

        Assert.True(finding.Start >= "Thanks for getting back to me. ".Length, "the finding belongs to the second sentence");
        Assert.NotNull(finding.Suggestion);
    }

    [Theory]
    [InlineData("None of this was down to you: our booking page showed the wrong platform, and that's on us. I've refunded the fare and I'll ring you tomorrow by 10.")]
    [InlineData("You're right, and I was wrong to tell you the charge stood. I've taken it off your bill today.")]
    [InlineData("No problem at all, I've swapped the wrong colour for the blue one and it leaves our warehouse tonight.")]
    public void A_reply_that_owns_the_problem_has_no_pitfall_even_with_trigger_words(string draft)
    {
        Assert.DoesNotContain(Coach.Review(draft), f => f.Pitfall is not null);
    }

    [Fact]
    public void A_playbooks_own_rule_is_kept_even_where_the_model_sees_nothing_wrong()
    {
        var own = new CoachRule("no-jargon", null, CoachSeverity.Low, "Say it in plain words.", null,
            [new Regex(@"\bRMA\b", RegexOptions.IgnoreCase)], null);

        var findings = Coach.Review("I've emailed you the RMA label and the courier collects tomorrow.", playbookRules: [own]);

        Assert.Contains(findings, f => f.RuleId == "no-jargon");
    }

    [Fact]
    public void A_pattern_that_runs_out_of_time_counts_as_no_match_and_the_rest_of_the_review_stands()
    {
        var backtracks = new CoachRule("slow", null, CoachSeverity.Low, "Never finishes.", null,
            [new Regex(@"(a+)+b", RegexOptions.None, TimeSpan.FromMilliseconds(1))], null);
        var draft = "That's not my job. " + new string('a', 40) + "!";

        var findings = Coach.Review(draft, playbookRules: [backtracks]);

        Assert.DoesNotContain(findings, f => f.RuleId == "slow");
        Assert.Contains(findings, f => f.Pitfall == ReplyPitfall.PassingTheBuck);
    }

    /// <summary>
    /// A model taught that "Alpha." and "Beta." are harmless alone but blame together: only the reading of the whole
    /// draft can find it, and it lands on the likelier sentence.
    /// </summary>
    /// <summary>A judge fit on how <paramref name="model"/> reads each labelled reply (a test has no replies it never saw).</summary>
    private static ReplyJudge JudgeOf(SentenceModel model, IEnumerable<LabelledSentence> replies) =>
        ReplyJudge.Fit([.. replies.Select(r => (ReplyJudge.Reading(model, r.Text), r.Labels))]);

    [Fact]
    public void A_pitfall_only_the_whole_reply_carries_is_flagged_on_its_likeliest_sentence()
    {
        var none = new HashSet<string>();
        var blame = new HashSet<string> { "blame" };
        List<LabelledSentence> lessons =
        [
            .. Enumerable.Repeat(new LabelledSentence("Alpha.", none), 40),
            .. Enumerable.Repeat(new LabelledSentence("Beta gamma.", none), 40),
            .. Enumerable.Repeat(new LabelledSentence("Alpha. Beta gamma.", blame), 40),
            .. Enumerable.Repeat(new LabelledSentence("Delta.", none), 40),
            .. Enumerable.Repeat(new LabelledSentence("Delta. Beta gamma.", none), 40),
        ];
        var model = SentenceModel.Train(lessons, SentenceModel.LabelNames);
        var coach = new ReplyCoach(new CoachingRules([], new Dictionary<ReplyMove, IReadOnlyList<Regex>>()), model, JudgeOf(model, lessons));

        var together = coach.Review("Alpha. Beta gamma.");

        var finding = Assert.Single(together, f => f.Pitfall == ReplyPitfall.Blame);
        Assert.True(finding.Start is 0 or 7, $"the finding covers one of the two sentences, not {finding.Start}");
        Assert.DoesNotContain(coach.Review("Alpha."), f => f.Pitfall == ReplyPitfall.Blame);
        Assert.DoesNotContain(coach.Review("Delta. Beta gamma."), f => f.Pitfall == ReplyPitfall.Blame);
    }

    [Fact]
    public void A_rules_match_is_dropped_when_the_whole_reply_shows_it_is_not_meant_that_way()
    {
        // Alone, "That's not my job." is passing the buck; followed by the writer fixing it themselves, never. The
        // built-in rule flags the phrase either way.
        var buck = new HashSet<string> { "passing_the_buck" };
        var none = new HashSet<string>();
        List<LabelledSentence> lessons =
        [
            .. Enumerable.Repeat(new LabelledSentence("That's not my job.", buck), 40),
            .. Enumerable.Repeat(new LabelledSentence("That's not my job. I fixed it myself this morning.", none), 40),
            .. Enumerable.Repeat(new LabelledSentence("I fixed it myself this morning.", none), 40),
        ];
        var model = SentenceModel.Train(lessons, SentenceModel.LabelNames);
        var withJudge = new ReplyCoach(CoachingRules.BuiltIn, model, JudgeOf(model, lessons));
        const string draft = "That's not my job. I fixed it myself this morning.";

        Assert.Contains(new ReplyCoach(CoachingRules.BuiltIn).Review(draft), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
        Assert.Contains(withJudge.Review("That's not my job."), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
        Assert.DoesNotContain(withJudge.Review(draft), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
    }

    [Fact]
    public void Without_the_model_the_coach_uses_its_rules_alone()
    {
        var rulesOnly = new ReplyCoach(CoachingRules.BuiltIn);
        const string paraphrase = "Our Leeds depot holds your parcel now, so any questions about it are best put to them.";

        Assert.Contains(rulesOnly.Review("That's not my job."), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
        Assert.DoesNotContain(rulesOnly.Review(paraphrase), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
        Assert.Contains(Coach.Review(paraphrase), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
    }

    [Theory]
    [InlineData("Sorry, that one's on me: I forgot to book the engineer. He'll be with you at 9 tomorrow.", true)]
    [InlineData("That was my mistake, and I've refunded the fee.", true)]
    [InlineData("It's on medical grounds, so the fee is waived.", false)]
    [InlineData("It's not my fault, the courier lost it.", false)]
    [InlineData("That delay wasn't down to me.", false)]
    public void Owning_a_mistake_in_the_first_person_counts_as_ownership(string draft, bool owned)
    {
        var rulesOnly = new ReplyCoach(CoachingRules.BuiltIn);

        Assert.Equal(owned, rulesOnly.HasMove(ReplyMove.Ownership, draft));
    }

    [Fact]
    public void The_moves_the_model_recognises_count_as_made()
    {
        const string draft = "Three nights on a camp bed while the boiler was off is a miserable way to spend a week.";

        Assert.True(Coach.HasMove(ReplyMove.Acknowledgement, draft));
        Assert.False(Coach.HasMove(ReplyMove.Thanks, draft));
    }
}
