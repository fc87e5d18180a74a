namespace Redress.Web.Storage;

/// <summary>The first answer to a request sent with an Idempotency-Key, replayed for any retry.</summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    /// <summary>Who sent it and to which endpoint: keys are only unique per caller and route.</summary>
    public required string Scope { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of the request body: reusing a key for a different request is refused.</summary>
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public required string ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One row per year, bumped atomically to number complaints RD-YYYY-NNNNNN.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; set; }
    public long Next { get; set; }
}
