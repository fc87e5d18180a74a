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
    public void Without_the_model_the_coach_uses_its_rules_alone()
    {
        var rulesOnly = new ReplyCoach(CoachingRules.BuiltIn);
        const string paraphrase = "Our Leeds depot holds your parcel now, so any questions about it are best put to them.";

        Assert.Contains(rulesOnly.Review("That's not my job."), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
        Assert.DoesNotContain(rulesOnly.Review(paraphrase), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
        Assert.Contains(Coach.Review(paraphrase), f => f.Pitfall == ReplyPitfall.PassingTheBuck);
    }

    [Fact]
    public void The_moves_the_model_recognises_count_as_made()
    {
        const string draft = "Three nights on a camp bed while the boiler was off is a miserable way to spend a week.";

        Assert.True(Coach.HasMove(ReplyMove.Acknowledgement, draft));
        Assert.False(Coach.HasMove(ReplyMove.Thanks, draft));
    }
}
