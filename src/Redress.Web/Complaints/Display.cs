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

    /// <summary>A reply move (apology, next_steps, ...) as the composer hint words it.</summary>
    public static string Move(string move) => move switch
    {
        "apology" => "apologise",
        "acknowledgement" => "acknowledge the specific problem",
        "thanks" => "thank the customer",
        "next_steps" => "say what happens next",
        "time_frame" => "say by when",
        "ownership" => "say who owns it",
        _ => move.Replace('_', ' '),
    };

    /// <summary>A tone signal (threat_to_go_public, ...) in words.</summary>
    public static string Signal(string signal) =>
        WireNames.TryParse<Redress.Coaching.ToneSignal>(signal, out var s) ? Redress.Coaching.ToneReading.Describe(s) : signal.Replace('_', ' ');

    public static string Pitfall(string pitfall) => pitfall switch
    {
        "passing_the_buck" => "pass the buck",
        "blame" => "blame anyone",
        "arguing" => "argue or get defensive",
        "flat_no" => "give a flat no",
        "non_apology" => "offer a hollow apology",
        _ => pitfall.Replace('_', ' '),
    };

    /// <summary>How a step completed by a condition gets done, for the checklist.</summary>
    public static string CompletesWhen(string condition) => condition switch
    {
        "acknowledgement_sent" => "Done when the acknowledgement is sent.",
        "owner_assigned" => "Done when someone owns the case.",
        "reply_sent" => "Done when you reply to the customer.",
        "problem_statement_recorded" => "Done when you write the problem statement below.",
        "problem_statement_confirmed" => "Done when you record that the customer confirmed the problem statement.",
        "customer_said_everything" => "Done when you record that the customer says that is everything.",
        "action_plan_set" => "Done when the action plan is set.",
        "action_plan_done" => "Done when every action in the plan is done.",
        "remedy_agreed" => "Done when you record the remedy the customer agreed to.",
        "follow_up_done" => "Done when you record a follow-up.",
        "survey_answered" => "Done when the customer says whether they are satisfied.",
        "satisfaction_verified" => "Done when the customer says they are satisfied.",
        "satisfaction_verified_or_follow_ups" => "Done when the customer says they are satisfied, or after the follow-up attempts.",
        "handoffs_circled_back" => "Done when everyone who handed the case over has followed up.",
        _ => "Done by Redress when it happens.",
    };

    private static string Span(TimeSpan span) => span switch
    {
        { TotalMinutes: < 60 } => $"{Math.Max(1, (int)span.TotalMinutes)} min",
        { TotalHours: < 48 } => $"{(int)span.TotalHours} h",
        _ => $"{(int)span.TotalDays} d",
    };
}
