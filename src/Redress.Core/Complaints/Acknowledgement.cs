using System.Globalization;

namespace Redress.Complaints;

/// <summary>
/// The first thing the customer hears back, at once: thanks, the reference, what happens next and by when.
/// </summary>
public static class Acknowledgement
{
    public static string Compose(string customerName, string subject, string reference, DateTime firstResponseDue) =>
        $"""
        Dear {customerName},

        Thank you for telling us about "{subject}". We are sorry you have had this trouble, and we take it seriously.

        Your complaint is recorded under reference {reference}. Please quote it whenever you contact us, so that nobody asks you to explain it all again.

        What happens next: one person from our team will take ownership of your case, read everything you wrote, and reply to you personally by {FormatDue(firstResponseDue)}. If we need anything more from you, we will ask; if you think of anything to add, just reply.

        Kind regards,
        Customer care
        """;

    public static string FormatDue(DateTime due) =>
        due.ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
