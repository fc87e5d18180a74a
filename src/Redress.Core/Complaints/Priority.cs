namespace Redress.Complaints;

/// <summary>Higher is more urgent; the queue sorts on the number.</summary>
public enum Priority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
