using Redress.Coaching;

namespace Redress.Complaints;

public enum MessageDirection
{
    /// <summary>From the customer.</summary>
    Inbound,
    /// <summary>From us to the customer.</summary>
    Outbound,
    /// <summary>A note among staff; the customer never sees it.</summary>
    Internal,
}

public sealed class Message
{
    private Message()
    {
    }

    internal Message(MessageDirection direction, string body, string authorName, string? authorId, DateTime createdAt)
    {
        Direction = direction;
        Body = body;
        AuthorName = authorName;
        AuthorId = authorId;
        CreatedAt = createdAt;
    }

    /// <summary>What the customer sent us, with how it reads: only inbound messages carry a tone.</summary>
    internal static Message FromCustomer(string body, string customerName, Channel via, ToneReading tone, DateTime createdAt) =>
        new(MessageDirection.Inbound, body, customerName, null, createdAt)
        {
            Via = via,
            ToneScore = tone.Score,
            ToneSignals = tone.SignalList,
        };

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public MessageDirection Direction { get; private set; }
    /// <summary>Stored exactly as written; pages encode it when they show it.</summary>
    public string Body { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string? AuthorId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>How an inbound message reached us (e-mail, phone, ...); null for ours.</summary>
    public Channel? Via { get; private set; }

    /// <summary>How angry an inbound message reads, from 0 to 1; null for ours.</summary>
    public double? ToneScore { get; private set; }

    /// <summary>An inbound message's tone signals as comma-separated wire names; null for ours.</summary>
    public string? ToneSignals { get; private set; }

    public ToneReading? Tone => ToneScore is { } score ? ToneReading.Stored(score, ToneSignals ?? "") : null;
}
