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

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public MessageDirection Direction { get; private set; }
    /// <summary>Stored exactly as written; pages encode it when they show it.</summary>
    public string Body { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string? AuthorId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
