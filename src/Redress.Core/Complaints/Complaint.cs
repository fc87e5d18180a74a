using Redress.Coaching;
using Redress.Customers;
using Redress.Playbooks;
using Redress.Sla;

namespace Redress.Complaints;

/// <summary>
/// A complaint and everything that happens to it. State changes only through methods that check the rules,
/// record a timeline event and bump <see cref="Version"/> (the concurrency token behind ETags).
/// </summary>
public sealed partial class Complaint
{
    private readonly List<Message> _messages = [];
    private readonly List<TimelineEvent> _timeline = [];

    private Complaint()
    {
    }

    public long Id { get; private set; }
    public string Reference { get; private set; } = "";
    public long CustomerId { get; private set; }
    public Customer Customer { get; private set; } = null!;
    public string Subject { get; private set; } = "";
    /// <summary>The customer's own words, verbatim. Never edited.</summary>
    public string CustomerWords { get; private set; } = "";
    public Channel Channel { get; private set; }
    public string Category { get; private set; } = ComplaintLimits.DefaultCategory;
    public string? OrderReference { get; private set; }
    public string? DesiredOutcome { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public Priority Priority { get; private set; }
    /// <summary>The one accountable person; null until someone takes the case.</summary>
    public string? OwnerId { get; private set; }
    public int Version { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime AcknowledgedAt { get; private set; }
    public DateTime FirstResponseDueAt { get; private set; }
    public DateTime? FirstRespondedAt { get; private set; }
    public DateTime ResolveDueAt { get; private set; }
    /// <summary>The next deadline the case is working against; the queue sorts on it.</summary>
    public DateTime NextDueAt { get; private set; }

    public IReadOnlyList<Message> Messages => _messages;
    public IReadOnlyList<TimelineEvent> Timeline => _timeline;

    /// <param name="tone">How the customer's words read; the caller has already let it raise <paramref name="priority"/>.</param>
    public static Complaint Receive(
        ValidComplaint input, Customer customer, string reference, Priority priority, SlaDueTimes sla, Playbook playbook, ToneReading tone,
        Actor receivedBy, DateTime now)
    {
        var complaint = new Complaint
        {
            Reference = reference,
            Customer = customer,
            Subject = input.Subject,
            CustomerWords = input.Description,
            Channel = input.Channel,
            Category = input.Category,
            OrderReference = input.OrderReference,
            DesiredOutcome = input.DesiredOutcome,
            Status = ComplaintStatus.Open,
            Priority = priority,
            Version = 1,
            ReceivedAt = now,
            UpdatedAt = now,
            AcknowledgedAt = sla.AcknowledgedAt,
            FirstResponseDueAt = sla.FirstResponseDue,
            ResolveDueAt = sla.ResolveDue,
            NextDueAt = sla.FirstResponseDue,
            PlaybookId = playbook.Id,
            PlaybookVersion = playbook.Version,
            StageId = playbook.FirstStage.Id,
            StageEnteredAt = now,
            ToneScore = tone.Score,
            ToneSignals = tone.SignalList,
        };

        // The customer's words live on the complaint itself (CustomerWords), not again as a message.
        complaint._timeline.Add(new TimelineEvent(TimelineKinds.Received,
            $"Complaint received by {WireNames.Of(input.Channel).Replace('_', ' ')}" + (receivedBy == Actor.System ? "" : $", recorded by {receivedBy.Name}")
                + $"; following {playbook.Name}, stage {playbook.FirstStage.Title}"
                + (tone.IsVolatile || tone.Signals.Count > 0 ? $"; the customer's words read as angry ({tone.Score:0.00}){Signals(tone)}, priority {WireNames.Of(priority)}" : ""),
            receivedBy.Id is null ? Actor.Customer(input.CustomerName) : receivedBy, now));

        var acknowledgement = new Message(MessageDirection.Outbound,
            Acknowledgement.Compose(input.CustomerName, input.Subject, reference, sla.FirstResponseDue), Actor.System.Name, null, now);
        complaint._messages.Add(acknowledgement);
        complaint._timeline.Add(new TimelineEvent(TimelineKinds.Acknowledged,
            $"Acknowledgement sent to {customer.Email}: thanks, reference {reference}, reply promised by {Acknowledgement.FormatDue(sla.FirstResponseDue)}",
            Actor.System, now, acknowledgement));
        return complaint;
    }

    public bool IsOpen => ComplaintStatuses.IsOpen(Status);

    /// <summary>How angry the customer's words read, from 0 to 1 (see <see cref="ToneAnalyzer"/>).</summary>
    public double ToneScore { get; private set; }

    /// <summary>The tone signals in the customer's words, as comma-separated wire names (threat_to_go_public, ...).</summary>
    public string ToneSignals { get; private set; } = "";

    public ToneReading Tone => ToneReading.Stored(ToneScore, ToneSignals);

    private static string Signals(ToneReading tone) => tone.Signals.Count == 0 ? "" : ": " + string.Join(", ", tone.Signals.Select(ToneReading.Describe));

    public void AssignOwner(string ownerId, string ownerName, Actor by, DateTime now, string? previousOwnerName = null)
    {
        EnsureNotClosed("change the owner of");
        if (OwnerId == ownerId)
        {
            throw new DomainRuleException($"{ownerName} already owns this complaint.");
        }
        var summary = by.Id == ownerId ? $"{ownerName} took ownership" : $"{by.Name} made {ownerName} the owner";
        if (OwnerId is not null)
        {
            var previous = previousOwnerName ?? "The previous owner";
            // Handing over is not walking away: the previous owner still circles back before the case can close.
            if (!_circleBackDuties.Any(d => d.StaffId == OwnerId && d.CircledBackAt is null))
            {
                _circleBackDuties.Add(new CircleBackDuty(OwnerId, previous, now));
            }
            summary += $"; {previous} still circles back with the customer before the case closes";
        }
        OwnerId = ownerId;
        CircleBack(ownerId, now);
        Record(new TimelineEvent(TimelineKinds.OwnerAssigned, summary, by, now), now);
    }

    /// <summary>A reply to the customer. On an unowned case the person who answers becomes the owner.</summary>
    public Message SendReply(string body, Actor author, DateTime now)
    {
        EnsureNotClosed("reply to");
        if (OwnerId is null && author.Id is not null)
        {
            AssignOwner(author.Id, author.Name, author, now);
        }

        var message = new Message(MessageDirection.Outbound, body, author.Name, author.Id, now);
        _messages.Add(message);
        CircleBack(author.Id, now);
        if (FirstRespondedAt is null)
        {
            FirstRespondedAt = now;
            NextDueAt = ResolveDueAt;
        }
        if (Status == ComplaintStatus.Open)
        {
            Status = ComplaintStatus.InProgress;
        }
        Record(new TimelineEvent(TimelineKinds.ReplySent, $"{author.Name} replied to the customer", author, now, message), now);
        return message;
    }

    public Message AddInternalNote(string body, Actor author, DateTime now)
    {
        var message = new Message(MessageDirection.Internal, body, author.Name, author.Id, now);
        _messages.Add(message);
        Record(new TimelineEvent(TimelineKinds.NoteAdded, $"{author.Name} added an internal note", author, now, message), now);
        return message;
    }

    /// <summary>
    /// The customer got back in touch. Their words are kept with how they read; the case's tone becomes this
    /// message's (the temperature now, not at intake), and a message that reads as a threat or as very angry raises
    /// the priority and pulls the SLA due times in to that priority's targets from now. Nothing here lowers either.
    /// </summary>
    /// <param name="recordedBy">The member of staff who took it down (a phone call, a letter), or null when it came in by itself.</param>
    public Message ReceiveFromCustomer(string body, Channel via, ToneReading tone, SlaPolicy sla, Actor? recordedBy, DateTime now)
    {
        EnsureNotClosed("add the customer's message to");
        var message = Message.FromCustomer(body, Customer.Name, via, tone, now);
        _messages.Add(message);
        ToneScore = tone.Score;
        ToneSignals = tone.SignalList;
        if (Status == ComplaintStatus.WaitingOnCustomer)
        {
            Status = ComplaintStatus.InProgress;
        }

        var summary = $"{Customer.Name} got in touch by {WireNames.Of(via).Replace('_', ' ')}" + (recordedBy is null ? "" : $", recorded by {recordedBy.Name}");
        if (tone.IsVolatile || tone.Signals.Count > 0)
        {
            summary += $"; reads as angry ({tone.Score:0.00}){Signals(tone)}";
        }
        var deserved = tone.PriorityFor(Priority);
        if (deserved > Priority)
        {
            summary += $"; priority raised from {WireNames.Of(Priority)} to {WireNames.Of(deserved)}";
            Priority = deserved;
            var targets = sla.DueTimes(deserved, now);
            if (FirstRespondedAt is null && targets.FirstResponseDue < FirstResponseDueAt)
            {
                FirstResponseDueAt = targets.FirstResponseDue;
            }
            if (targets.ResolveDue < ResolveDueAt)
            {
                ResolveDueAt = targets.ResolveDue;
            }
            NextDueAt = FirstRespondedAt is null ? FirstResponseDueAt : ResolveDueAt;
        }
        Record(new TimelineEvent(TimelineKinds.CustomerReplied, summary, recordedBy ?? Actor.Customer(Customer.Name), now, message), now);
        return message;
    }

    private void EnsureNotClosed(string action)
    {
        if (Status == ComplaintStatus.Closed)
        {
            throw new DomainRuleException($"The complaint is closed; reopen it before you {action} it.");
        }
    }

    private void Record(TimelineEvent timelineEvent, DateTime now)
    {
        _timeline.Add(timelineEvent);
        UpdatedAt = now;
        Version++;
    }
}
