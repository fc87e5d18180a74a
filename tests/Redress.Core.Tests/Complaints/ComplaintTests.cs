using Redress.Complaints;
using Redress.Core.Tests.Playbooks;
using Redress.Customers;
using Redress.Sla;

namespace Redress.Core.Tests.Complaints;

public class ComplaintTests
{
    private static readonly DateTime Received = new(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Actor Alex = new("user-alex", "Alex Morgan");
    private static readonly Actor Sam = new("user-sam", "Sam Carter");

    private static Complaint Receive(Priority priority = Priority.Normal)
    {
        var input = new ValidComplaint("Maria Garcia", "maria@example.com", null, "Parcel arrived damaged",
            "The box was crushed and the vase is broken.", Channel.Web, "delivery", "A-1001", "A replacement vase");
        var customer = new Customer(input.CustomerName, input.CustomerEmail, null, Received);
        return Complaint.Receive(input, customer, ComplaintReference.Format(2026, 123), priority,
            SlaPolicy.Default.DueTimes(priority, Received), TestPlaybooks.Returns, Redress.Coaching.ToneReading.Calm, Actor.System, Received);
    }

    [Fact]
    public void A_received_complaint_is_acknowledged_at_once_with_thanks_reference_and_a_time()
    {
        var complaint = Receive();

        Assert.Equal("RD-2026-000123", complaint.Reference);
        Assert.Equal(ComplaintStatus.Open, complaint.Status);
        Assert.Equal([TimelineKinds.Received, TimelineKinds.Acknowledged], complaint.Timeline.Select(e => e.Kind));
        var acknowledgement = complaint.Messages.Single(m => m.Direction == MessageDirection.Outbound);
        Assert.Equal(Received, acknowledgement.CreatedAt);
        Assert.Contains("Thank you for telling us", acknowledgement.Body);
        Assert.Contains("RD-2026-000123", acknowledgement.Body);
        Assert.Contains("Tuesday 3 November 2026 at 09:30 UTC", acknowledgement.Body);
        Assert.Equal(Received.AddHours(24), complaint.FirstResponseDueAt);
        Assert.Equal(complaint.FirstResponseDueAt, complaint.NextDueAt);
    }

    [Fact]
    public void The_customers_words_are_kept_verbatim_on_the_complaint_and_the_receipt_is_theirs()
    {
        var complaint = Receive();

        Assert.Equal("The box was crushed and the vase is broken.", complaint.CustomerWords);
        Assert.Equal("Maria Garcia", complaint.Timeline[0].ActorName);
        Assert.Null(complaint.Timeline[0].Message);
    }

    [Fact]
    public void An_urgent_complaint_promises_a_reply_within_the_hour()
    {
        var complaint = Receive(Priority.Urgent);

        Assert.Equal(Received.AddHours(1), complaint.FirstResponseDueAt);
    }

    [Fact]
    public void Whoever_answers_an_unowned_case_becomes_its_owner()
    {
        var complaint = Receive();

        complaint.SendReply("I am sorry. I will look after this personally and write again by Friday.", Alex, Received.AddHours(2));

        Assert.Equal(Alex.Id, complaint.OwnerId);
        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Equal(Received.AddHours(2), complaint.FirstRespondedAt);
        Assert.Equal(complaint.ResolveDueAt, complaint.NextDueAt);
        Assert.Equal([TimelineKinds.OwnerAssigned, TimelineKinds.ReplySent], complaint.Timeline.Skip(2).Select(e => e.Kind));
    }

    [Fact]
    public void A_later_reply_keeps_the_first_response_time()
    {
        var complaint = Receive();
        complaint.SendReply("First reply.", Alex, Received.AddHours(2));

        complaint.SendReply("Second reply.", Alex, Received.AddHours(5));

        Assert.Equal(Received.AddHours(2), complaint.FirstRespondedAt);
    }

    [Fact]
    public void An_internal_note_does_not_count_as_answering_the_customer()
    {
        var complaint = Receive();

        complaint.AddInternalNote("Checked the courier's photos.", Alex, Received.AddHours(1));

        Assert.Null(complaint.FirstRespondedAt);
        Assert.Equal(ComplaintStatus.Open, complaint.Status);
        Assert.Null(complaint.OwnerId);
    }

    [Fact]
    public void Every_change_moves_the_version_on()
    {
        var complaint = Receive();
        var before = complaint.Version;

        complaint.AddInternalNote("Note.", Alex, Received.AddHours(1));

        Assert.Equal(before + 1, complaint.Version);
    }

    [Fact]
    public void Handing_a_case_to_someone_records_who_did_it()
    {
        var complaint = Receive();

        complaint.AssignOwner(Sam.Id!, Sam.Name, Alex, Received.AddHours(1));

        Assert.Equal("Alex Morgan made Sam Carter the owner", complaint.Timeline[^1].Summary);
    }

    [Fact]
    public void Assigning_the_current_owner_again_is_refused()
    {
        var complaint = Receive();
        complaint.AssignOwner(Alex.Id!, Alex.Name, Alex, Received.AddHours(1));

        var refused = Assert.Throws<DomainRuleException>(() => complaint.AssignOwner(Alex.Id!, Alex.Name, Alex, Received.AddHours(2)));

        Assert.Equal("Alex Morgan already owns this complaint.", refused.Message);
    }

    private static readonly Redress.Coaching.ToneAnalyzer Tone = Redress.Coaching.ToneAnalyzer.Load();

    [Fact]
    public void A_message_threatening_to_go_public_is_kept_with_its_tone_and_raises_the_priority()
    {
        var complaint = Receive();
        complaint.SendReply("I am sorry. I will look after this personally and write again by Friday.", Alex, Received.AddHours(2));
        var words = "Still no vase and nobody has called me back. If this isn't sorted today I'm posting the whole thing on Facebook and leaving a review.";
        var at = Received.AddDays(1);

        var message = complaint.ReceiveFromCustomer(words, Channel.Phone, Tone.Read(words), SlaPolicy.Default, Sam, at);

        Assert.Equal(MessageDirection.Inbound, message.Direction);
        Assert.Equal(words, message.Body);
        Assert.Equal("Maria Garcia", message.AuthorName);
        Assert.Equal(Channel.Phone, message.Via);
        Assert.Contains(Redress.Coaching.ToneSignal.ThreatToGoPublic, message.Tone!.Signals);
        Assert.Equal(message.ToneScore, complaint.ToneScore);
        Assert.Equal(Priority.High, complaint.Priority);
        // High is resolved within two days: from now, which is sooner than the five days Normal had from receipt.
        Assert.Equal(at.AddDays(2), complaint.ResolveDueAt);
        Assert.Equal(complaint.ResolveDueAt, complaint.NextDueAt);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineKinds.CustomerReplied, entry.Kind);
        Assert.Same(message, entry.Message);
        Assert.Equal(Sam.Name, entry.ActorName);
        Assert.Contains("recorded by Sam Carter", entry.Summary);
        Assert.Contains("threatens to go public", entry.Summary);
        Assert.Contains("priority raised from normal to high", entry.Summary);
    }

    [Fact]
    public void A_calm_message_never_lowers_the_priority_or_loosens_a_due_time()
    {
        var complaint = Receive(Priority.Urgent);
        var due = complaint.FirstResponseDueAt;

        var message = complaint.ReceiveFromCustomer("Thanks, just to add: the order number is A-1001.", Channel.Email,
            Tone.Read("Thanks, just to add: the order number is A-1001."), SlaPolicy.Default, null, Received.AddMinutes(20));

        Assert.Equal(Priority.Urgent, complaint.Priority);
        Assert.Equal(due, complaint.FirstResponseDueAt);
        Assert.False(message.Tone!.IsVolatile);
        Assert.Equal("Maria Garcia", complaint.Timeline[^1].ActorName);
        Assert.DoesNotContain("priority", complaint.Timeline[^1].Summary);
    }

    [Fact]
    public void Our_own_messages_carry_no_tone()
    {
        var complaint = Receive();

        var reply = complaint.SendReply("I am sorry; I will call you today.", Alex, Received.AddHours(1));

        Assert.Null(reply.Tone);
        Assert.Null(reply.Via);
    }
}
