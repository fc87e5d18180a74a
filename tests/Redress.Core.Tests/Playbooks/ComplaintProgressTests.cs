using Redress.Complaints;
using Redress.Customers;
using Redress.Playbooks;
using Redress.Sla;

namespace Redress.Core.Tests.Playbooks;

public class ComplaintProgressTests
{
    private static readonly DateTime Received = new(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Received.AddHours(1);
    private static readonly Actor Alex = new("user-alex", "Alex Morgan");
    private static readonly Actor Sam = new("user-sam", "Sam Carter");
    private static readonly Playbook Returns = TestPlaybooks.Returns;

    private static Complaint Receive()
    {
        var input = new ValidComplaint("Maria Garcia", "maria@example.com", null, "Refund never arrived",
            "I returned the jacket three weeks ago and have no refund.", Channel.Web, "returns", null, null);
        var customer = new Customer(input.CustomerName, input.CustomerEmail, null, Received);
        return Complaint.Receive(input, customer, ComplaintReference.Format(2026, 7), Priority.Normal,
            SlaPolicy.Default.DueTimes(Priority.Normal, Received), Returns, Redress.Coaching.ToneReading.Calm, Actor.System, Received);
    }

    private static IEnumerable<string> Codes(Complaint c) => c.UnmetGates(Returns).Select(u => u.Code);

    [Fact]
    public void A_new_case_starts_the_first_stage_of_the_version_it_was_given()
    {
        var complaint = Receive();

        Assert.Equal(("returns", 1, "listen"), (complaint.PlaybookId, complaint.PlaybookVersion, complaint.StageId));
        Assert.Contains("following Returns desk, stage Listen", complaint.Timeline[0].Summary);
        Assert.Equal("restate", complaint.NextStep(Returns)!.Id);
    }

    [Fact]
    public void Advancing_is_refused_while_required_steps_or_gate_conditions_are_missing_and_says_which()
    {
        var complaint = Receive();

        var refused = Assert.Throws<GateClosedException>(() => complaint.Advance(Returns, Alex, Later));

        Assert.Equal(["step:restate", "step:confirm", "step:thank", "customer_said_everything"], refused.Unmet.Select(u => u.Code));
        Assert.Contains("'Restate the problem': Write the problem statement", refused.Message);
        Assert.Contains("The customer has not yet said that is everything.", refused.Message);
        Assert.DoesNotContain("step:rapport", Codes(complaint)); // optional steps never block
        Assert.Equal("listen", complaint.StageId);
    }

    [Fact]
    public void Steps_completed_by_a_condition_follow_the_case_and_manual_steps_are_ticked_once()
    {
        var complaint = Receive();

        complaint.RecordProblemStatement("Refund for the returned jacket (order A-1) has not arrived after three weeks.", Alex, Later);
        complaint.RecordProblemConfirmed(Channel.Phone, Alex, Later);
        complaint.CompleteStep(Returns, "thank", "Thanked on the phone", Alex, Later);
        complaint.RecordAllSaid(Channel.Phone, Alex, Later);

        Assert.Empty(complaint.UnmetGates(Returns));
        Assert.Contains("already done by Alex Morgan", Assert.Throws<DomainRuleException>(() => complaint.CompleteStep(Returns, "thank", null, Sam, Later)).Message);
        Assert.Contains("completes itself", Assert.Throws<DomainRuleException>(() => complaint.CompleteStep(Returns, "confirm", null, Alex, Later)).Message);
        Assert.Contains("still in Listen", Assert.Throws<DomainRuleException>(() => complaint.CompleteStep(Returns, "agree", null, Alex, Later)).Message);
        Assert.Contains("no step 'nope'", Assert.Throws<DomainRuleException>(() => complaint.CompleteStep(Returns, "nope", null, Alex, Later)).Message);

        Assert.Equal("fix", complaint.Advance(Returns, Alex, Later)!.Id);
        Assert.Contains("moved the case from Listen to Fix", complaint.Timeline[^1].Summary);
        Assert.Contains("already left", Assert.Throws<DomainRuleException>(() => complaint.CompleteStep(Returns, "rapport", null, Alex, Later)).Message);
    }

    [Fact]
    public void No_remedy_before_the_customer_has_confirmed_the_problem_statement()
    {
        var complaint = Receive();
        complaint.RecordProblemStatement("No refund for the returned jacket.", Alex, Later);

        var refused = Assert.Throws<DomainRuleException>(() => complaint.AgreeRemedy("Refund today", Channel.Phone, Alex, Later));

        Assert.Contains("No remedy before the customer has confirmed the problem statement", refused.Message);
        complaint.RecordProblemConfirmed(Channel.Email, Alex, Later);
        complaint.AgreeRemedy("Refund today plus a 10% voucher", Channel.Email, Alex, Later);
        Assert.True(complaint.Holds(Condition.RemedyAgreed));
    }

    [Fact]
    public void Rewriting_the_problem_statement_withdraws_the_customers_confirmation()
    {
        var complaint = Receive();
        complaint.RecordProblemStatement("No refund for the jacket.", Alex, Later);
        complaint.RecordProblemConfirmed(Channel.Phone, Alex, Later);

        complaint.RecordProblemStatement("No refund for the jacket, and the return label cost them £6.", Alex, Later);

        Assert.False(complaint.Holds(Condition.ProblemStatementConfirmed));
        Assert.Null(complaint.ProblemConfirmedVia);
        Assert.Contains("confirm again", complaint.Timeline[^1].Summary);
        complaint.RecordProblemConfirmed(Channel.Phone, Alex, Later);
        Assert.True(complaint.Holds(Condition.ProblemStatementConfirmed));
    }

    [Fact]
    public void Confirmation_needs_a_statement_and_records_who_and_how()
    {
        var complaint = Receive();
        Assert.Contains("no problem statement", Assert.Throws<DomainRuleException>(() => complaint.RecordProblemConfirmed(Channel.Phone, Alex, Later)).Message);

        complaint.RecordProblemStatement("No refund.", Alex, Later);
        complaint.RecordProblemConfirmed(Channel.InPerson, Sam, Later);

        Assert.Equal((Later, Channel.InPerson, "Sam Carter"), (complaint.ProblemConfirmedAt!.Value, complaint.ProblemConfirmedVia!.Value, complaint.ProblemConfirmationRecordedBy!));
        Assert.Equal("Maria Garcia confirmed the problem statement (in person, recorded by Sam Carter)", complaint.Timeline[^1].Summary);
    }

    [Fact]
    public void An_action_plan_has_at_most_three_actions_most_immediate_first_and_none_already_overdue()
    {
        var complaint = Receive();
        ActionInput Action(string what, int hours) => new(what, Alex.Id!, Alex.Name, Later.AddHours(hours), false);

        Assert.Throws<DomainRuleException>(() => complaint.SetActionPlan([Action("a", 1), Action("b", 2), Action("c", 3), Action("d", 4)], Alex, Later));
        Assert.Contains("has passed", Assert.Throws<DomainRuleException>(() => complaint.SetActionPlan([Action("late", -2)], Alex, Later)).Message);

        complaint.SetActionPlan([Action("Issue the refund", 48), Action("Call Maria back today", 4)], Alex, Later);

        Assert.Equal(["Call Maria back today", "Issue the refund"], complaint.Actions.Select(a => a.Description));
        Assert.Equal([1, 2], complaint.Actions.Select(a => a.Position));
        var text = complaint.ActionPlanForCustomer()!;
        Assert.StartsWith("What we are doing for you:\n1. Call Maria back today — Alex Morgan, by Monday 2 November, 14:30 UTC", text);
    }

    [Fact]
    public void Closing_needs_satisfaction_verified_or_the_playbooks_number_of_follow_ups()
    {
        var complaint = WalkToVerify();

        Assert.Equal(["step:check-back", "satisfaction_verified_or_follow_ups"], Codes(complaint));
        complaint.RecordFollowUp(false, "Voicemail", Alex, Later);
        Assert.Equal(["satisfaction_verified_or_follow_ups"], Codes(complaint));
        Assert.Contains("2 follow-up attempts", complaint.UnmetGates(Returns)[0].Message);

        complaint.RecordSatisfaction(false, 2, "Still waiting", Channel.Phone, Alex, Later);
        Assert.Equal(["satisfaction_verified_or_follow_ups"], Codes(complaint)); // unhappy is not verified

        complaint.RecordFollowUp(true, "Refund arrived", Alex, Later);
        Assert.Null(complaint.Advance(Returns, Alex, Later));
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(Later, complaint.ClosedAt);
        Assert.Equal(TimelineKinds.Closed, complaint.Timeline[^1].Kind);
        Assert.Throws<DomainRuleException>(() => complaint.RecordFollowUp(true, null, Alex, Later));
    }

    [Fact]
    public void Satisfaction_verified_closes_without_waiting_for_more_follow_ups()
    {
        var complaint = WalkToVerify();
        complaint.RecordFollowUp(true, null, Alex, Later);
        complaint.RecordSatisfaction(true, 5, "Thank you!", Channel.Phone, Alex, Later);

        Assert.Empty(complaint.UnmetGates(Returns));
    }

    [Fact]
    public void Handing_the_case_over_keeps_the_first_owners_duty_to_circle_back()
    {
        var complaint = Receive();
        complaint.AssignOwner(Alex.Id!, Alex.Name, Alex, Later);
        complaint.AssignOwner(Sam.Id!, Sam.Name, Alex, Later, previousOwnerName: Alex.Name);
        Assert.Contains("Alex Morgan still circles back", complaint.Timeline[^1].Summary);
        WalkToVerify(complaint, Sam);
        complaint.RecordFollowUp(true, null, Sam, Later);
        complaint.RecordSatisfaction(true, null, null, Channel.Phone, Sam, Later);

        var refused = Assert.Throws<GateClosedException>(() => complaint.Advance(Returns, Sam, Later));
        Assert.Equal("handoffs_circled_back", Assert.Single(refused.Unmet).Code);
        Assert.Contains("Alex Morgan handed the case over", refused.Message);

        complaint.RecordFollowUp(true, "Checked in after the hand-off", Alex, Later);
        Assert.Empty(complaint.UnmetGates(Returns));
        Assert.NotNull(complaint.CircleBackDuties.Single().CircledBackAt);
    }

    [Fact]
    public void A_former_owner_writing_to_the_customer_has_circled_back()
    {
        var complaint = Receive();
        complaint.AssignOwner(Alex.Id!, Alex.Name, Alex, Later);
        complaint.AssignOwner(Sam.Id!, Sam.Name, Alex, Later, previousOwnerName: Alex.Name);

        complaint.SendReply("Sam has your case now; I will keep an eye on it too.", Alex, Later);

        Assert.NotNull(complaint.CircleBackDuties.Single().CircledBackAt);
        Assert.True(complaint.Holds(Condition.HandoffsCircledBack));
    }

    [Fact]
    public void A_case_handed_back_to_its_first_owner_leaves_the_duty_with_whoever_handed_it_back()
    {
        var complaint = Receive();
        complaint.AssignOwner(Alex.Id!, Alex.Name, Alex, Later);
        complaint.AssignOwner(Sam.Id!, Sam.Name, Alex, Later, previousOwnerName: Alex.Name);
        complaint.AssignOwner(Alex.Id!, Alex.Name, Sam, Later, previousOwnerName: Sam.Name);

        var open = Assert.Single(complaint.CircleBackDuties, d => d.CircledBackAt is null);
        Assert.Equal(Sam.Id, open.StaffId);
    }

    [Fact]
    public void Switching_playbook_needs_a_reason_starts_its_first_stage_and_keeps_what_was_recorded()
    {
        var complaint = Receive();
        complaint.RecordProblemStatement("No refund.", Alex, Later);
        var other = TestPlaybooks.Parse(TestPlaybooks.ReturnsYaml.Replace("id: returns", "id: returns-vip").Replace("name: Returns desk", "name: VIP returns")) with { Version = 3 };

        Assert.Contains("Say why", Assert.Throws<DomainRuleException>(() => complaint.SwitchPlaybook(other, " ", Alex, Later)).Message);
        complaint.SwitchPlaybook(other, "Customer is a key account", Alex, Later);

        Assert.Equal(("returns-vip", 3, "listen"), (complaint.PlaybookId, complaint.PlaybookVersion, complaint.StageId));
        Assert.Equal("No refund.", complaint.ProblemStatement);
        Assert.Contains("Reason: Customer is a key account", complaint.Timeline[^1].Summary);
        Assert.Throws<DomainRuleException>(() => complaint.SwitchPlaybook(other, "again", Alex, Later));
    }

    private static Complaint WalkToVerify(Complaint? complaint = null, Actor? agent = null)
    {
        complaint ??= Receive();
        var by = agent ?? Alex;
        complaint.RecordProblemStatement("No refund for the returned jacket.", by, Later);
        complaint.RecordProblemConfirmed(Channel.Phone, by, Later);
        complaint.RecordAllSaid(Channel.Phone, by, Later);
        complaint.CompleteStep(Returns, "thank", null, by, Later);
        complaint.Advance(Returns, by, Later);
        complaint.AgreeRemedy("Refund today", Channel.Phone, by, Later);
        complaint.SetActionPlan([new ActionInput("Issue the refund", by.Id!, by.Name, Later.AddDays(1), false)], by, Later);
        complaint.Advance(Returns, by, Later);
        Assert.Equal("verify", complaint.StageId);
        return complaint;
    }
}
