namespace Redress.Complaints;

public enum ComplaintStatus
{
    /// <summary>Received and acknowledged; nobody has answered the customer yet.</summary>
    Open,
    /// <summary>The owner is working on it and has been in touch.</summary>
    InProgress,
    /// <summary>We asked the customer something and wait for the answer.</summary>
    WaitingOnCustomer,
    /// <summary>The remedy is done; satisfaction still to be verified.</summary>
    Resolved,
    Closed,
}

public static class ComplaintStatuses
{
    public static string Label(ComplaintStatus status) => status switch
    {
        ComplaintStatus.InProgress => "In progress",
        ComplaintStatus.WaitingOnCustomer => "Waiting on customer",
        _ => status.ToString(),
    };

    public static bool IsOpen(ComplaintStatus status) => status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);

    public static readonly ComplaintStatus[] Open = [ComplaintStatus.Open, ComplaintStatus.InProgress, ComplaintStatus.WaitingOnCustomer];
}
