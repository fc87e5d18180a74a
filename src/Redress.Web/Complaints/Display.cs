using System.Globalization;
using Redress.Complaints;

namespace Redress.Web.Complaints;

/// <summary>How pages word times, statuses and priorities.</summary>
public static class Display
{
    public static string Status(ComplaintStatus status) => ComplaintStatuses.Label(status);

    public static string Css(ComplaintStatus status) => "status-" + WireNames.Of(status).Replace('_', '-');

    public static string Css(Priority priority) => "priority-" + WireNames.Of(priority);

    public static string Time(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTime utc) => utc.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>"in 3 h", "overdue by 2 d": what an agent needs at a glance.</summary>
    public static string Due(DateTime due, DateTime now)
    {
        var span = due - now;
        return span >= TimeSpan.Zero ? $"in {Span(span)}" : $"overdue by {Span(-span)}";
    }

    public static string Ago(DateTime when, DateTime now) => now - when < TimeSpan.FromMinutes(1) ? "just now" : $"{Span(now - when)} ago";

    public static bool Overdue(DateTime due, DateTime now) => due < now;

    private static string Span(TimeSpan span) => span switch
    {
        { TotalMinutes: < 60 } => $"{Math.Max(1, (int)span.TotalMinutes)} min",
        { TotalHours: < 48 } => $"{(int)span.TotalHours} h",
        _ => $"{(int)span.TotalDays} d",
    };
}
