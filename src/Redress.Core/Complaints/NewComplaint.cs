using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Redress.Complaints;

/// <summary>A complaint as the customer (or an integration) submits it, before it becomes a case.</summary>
public sealed record NewComplaint
{
    public string? CustomerName { get; init; }
    public string? CustomerEmail { get; init; }
    public string? CustomerPhone { get; init; }
    public string? Subject { get; init; }
    /// <summary>The customer's own words; kept verbatim, never edited.</summary>
    public string? Description { get; init; }
    public string? Channel { get; init; }
    public string? Category { get; init; }
    public string? OrderReference { get; init; }
    public string? DesiredOutcome { get; init; }
}

/// <summary>Field limits, shared by the API, the public form and the database columns.</summary>
public static class ComplaintLimits
{
    public const int NameLength = 200;
    public const int EmailLength = 254;
    public const int PhoneLength = 40;
    public const int SubjectLength = 200;
    public const int DescriptionLength = 20_000;
    public const int CategoryLength = 50;
    public const int OrderReferenceLength = 100;
    public const int DesiredOutcomeLength = 2_000;
    public const int MessageLength = 20_000;
    public const string DefaultCategory = "general";
}

/// <summary>A complaint that passed validation: trimmed where trimming is harmless, verbatim where it is not.</summary>
public sealed record ValidComplaint(
    string CustomerName,
    string CustomerEmail,
    string? CustomerPhone,
    string Subject,
    string Description,
    Channel Channel,
    string Category,
    string? OrderReference,
    string? DesiredOutcome);

public static partial class ComplaintValidation
{
    /// <summary>
    /// Checks every field and names each bad one (keys are the JSON paths, e.g. "customer.email"),
    /// so a caller can fix everything in one go.
    /// </summary>
    public static (ValidComplaint? Complaint, IReadOnlyDictionary<string, string[]> Errors) Validate(
        NewComplaint input, Channel defaultChannel)
    {
        var errors = new Dictionary<string, string[]>();

        var name = Required(errors, "customer.name", "Your name", input.CustomerName, ComplaintLimits.NameLength);
        var email = Required(errors, "customer.email", "Your e-mail address", input.CustomerEmail, ComplaintLimits.EmailLength);
        if (email is not null && !IsEmail(email))
        {
            errors["customer.email"] = [$"'{Shorten(email)}' is not a valid e-mail address."];
        }
        var phone = Optional(errors, "customer.phone", "The phone number", input.CustomerPhone, ComplaintLimits.PhoneLength);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors["customer.phone"] = ["The phone number may contain only digits, spaces and + ( ) - . characters."];
        }
        var subject = Required(errors, "subject", "The subject", input.Subject, ComplaintLimits.SubjectLength);
        var description = RequiredVerbatim(errors, "description", "The description", input.Description, ComplaintLimits.DescriptionLength);
        var orderReference = Optional(errors, "orderReference", "The order reference", input.OrderReference, ComplaintLimits.OrderReferenceLength);
        var desiredOutcome = Optional(errors, "desiredOutcome", "The desired outcome", input.DesiredOutcome, ComplaintLimits.DesiredOutcomeLength);

        var channel = defaultChannel;
        if (!string.IsNullOrWhiteSpace(input.Channel) && !WireNames.TryParse(input.Channel, out channel))
        {
            errors["channel"] = [$"Unknown channel '{Shorten(input.Channel)}'. Use one of: {string.Join(", ", WireNames.All<Channel>())}."];
        }

        var category = ComplaintLimits.DefaultCategory;
        if (!string.IsNullOrWhiteSpace(input.Category))
        {
            category = input.Category.Trim().ToLowerInvariant();
            if (!CategoryPattern().IsMatch(category))
            {
                errors["category"] = [$"The category must be 1 to {ComplaintLimits.CategoryLength} lower-case letters, digits or hyphens, like 'billing' or 'late-delivery'."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ValidComplaint(name!, email!.ToLowerInvariant(), phone, subject!, description!, channel, category,
            orderReference, desiredOutcome), errors);
    }

    public static bool IsEmail(string value) =>
        value.Length <= ComplaintLimits.EmailLength
        && EmailPattern().IsMatch(value)
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value;

    /// <summary>Checks free text of a message body: present, within the limit, no control characters.</summary>
    public static string? MessageBodyError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "The message is empty.";
        }
        if (body.Length > ComplaintLimits.MessageLength)
        {
            return $"The message is {body.Length:N0} characters long; the limit is {ComplaintLimits.MessageLength:N0}.";
        }
        return HasControlCharacters(body, allowLineBreaks: true) ? "The message contains control characters that cannot be stored." : null;
    }

    private static string? Required(Dictionary<string, string[]> errors, string field, string label, string? value, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors[field] = [$"{label} is required."];
            return null;
        }
        return Check(errors, field, label, trimmed, max, allowLineBreaks: false);
    }

    private static string? RequiredVerbatim(Dictionary<string, string[]> errors, string field, string label, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{label} is required."];
            return null;
        }
        return Check(errors, field, label, value, max, allowLineBreaks: true);
    }

    private static string? Optional(Dictionary<string, string[]> errors, string field, string label, string? value, int max)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Check(errors, field, label, trimmed, max, allowLineBreaks: true);
    }

    private static string? Check(Dictionary<string, string[]> errors, string field, string label, string value, int max, bool allowLineBreaks)
    {
        if (value.Length > max)
        {
            errors[field] = [$"{label} is {value.Length:N0} characters long; the limit is {max:N0}."];
            return null;
        }
        if (HasControlCharacters(value, allowLineBreaks))
        {
            errors[field] = [$"{label} contains control characters that cannot be stored."];
            return null;
        }
        return value;
    }

    // NUL and other C0 controls are rejected: PostgreSQL cannot store NUL in text, and none belong in a complaint.
    private static bool HasControlCharacters(string value, bool allowLineBreaks) =>
        value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ().\-]{3,40}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex CategoryPattern();
}
