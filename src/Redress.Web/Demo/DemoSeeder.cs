using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Redress.Coaching;
using Redress.Complaints;
using Redress.Sla;
using Redress.Web.Complaints;
using Redress.Web.Identity;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Demo;

/// <summary>
/// Fills a new database with demo staff and real complaint texts (CFPB narratives, see Demo/README.md),
/// spread over the last two weeks, some already owned and answered, so the queue looks like a working desk.
/// </summary>
public sealed class DemoSeeder(RedressDb db, Intake intake, StaffBootstrap staff, PlaybookLibrary playbooks, ToneAnalyzer tone, TimeProvider clock)
{
    public static readonly (string Email, string Name, string Role)[] Staff =
    [
        ("agent@redress.local", "Alex Morgan", Roles.Agent),
        ("agent2@redress.local", "Priya Shah", Roles.Agent),
        ("supervisor@redress.local", "Sam Carter", Roles.Supervisor),
    ];

    private static readonly string[] FirstNames =
        ["Maria", "James", "Aisha", "Tom", "Elena", "Kwame", "Sofia", "Daniel", "Mei", "Oliver", "Fatima", "Lucas", "Grace", "Omar", "Hannah", "Diego"];
    private static readonly string[] LastNames =
        ["Garcia", "Smith", "Okafor", "Nguyen", "Rossi", "Mensah", "Kowalski", "Brown", "Chen", "Murphy", "Haddad", "Silva", "Walker", "Ali", "Fischer", "Lopez"];
    /// <summary>What some customers said when they rang back after our first reply: calm, impatient, and ready to go public.</summary>
    private static readonly string[] RingBacks =
    [
        "Thanks for getting back to me so quickly. I've found the letter from March and can send a copy if that helps.",
        "It's been over a week since your email and nothing has changed on my account. I'm starting to lose patience.",
        "This is the THIRD time I've chased this. If it isn't fixed by Friday I'm reporting you to the regulator and posting the whole story online.",
    ];

    private static readonly Channel[] ChannelCycle = [Channel.Web, Channel.Email, Channel.Web, Channel.Phone, Channel.Api, Channel.Web, Channel.Letter];

    public async Task SeedAsync(string staffPassword, CancellationToken ct)
    {
        if (await db.Complaints.AnyAsync(ct))
        {
            return;
        }
        var owners = new List<Actor>();
        foreach (var (email, name, role) in Staff)
        {
            var user = await staff.CreateStaffAsync(email, name, staffPassword, role);
            owners.Add(new Actor(user.Id, name));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var samples = await ReadSamplesAsync(ct);
        var rangBack = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i * 7 + 3) % LastNames.Length];
            var receivedAt = now.AddMinutes(-(i * 163 + 7));
            var input = new ValidComplaint(
                $"{first} {last}", $"{first}.{last}{i}@example.com".ToLowerInvariant(), null,
                Subject(sample), sample.Narrative, ChannelCycle[i % ChannelCycle.Length], Category(sample.Product), null, null);
            var filed = await intake.FileNowAsync(input, Actor.System, PriorityOf(sample, i), receivedAt, ct);

            // Older cases have been picked up and answered; the newest wait in the queue.
            if (i >= 12 && i % 3 != 0)
            {
                var complaint = await db.Complaints.Include(c => c.Customer).SingleAsync(c => c.Reference == filed.Reference, ct);
                var owner = owners[i % 2];
                complaint.AssignOwner(owner.Id!, owner.Name, owner, receivedAt.AddMinutes(40));
                complaint.SendReply(
                    $"Dear {first},\n\nI am sorry this happened, and thank you for taking the time to explain it so clearly. " +
                    $"I am {owner.Name} and I will personally look after your case from here. I have asked our team to review the account today, " +
                    "and I will write to you again with what we found by the end of tomorrow.\n\nKind regards,\n" + owner.Name,
                    owner, receivedAt.AddHours(2));
                if (i % 4 == 0)
                {
                    complaint.AddInternalNote("Checked the account history: the customer's account of events matches our records. Escalating to billing.", owner, receivedAt.AddHours(3));
                }
                if (i % 5 == 2)
                {
                    var said = RingBacks[rangBack++ % RingBacks.Length];
                    complaint.ReceiveFromCustomer(said, Channel.Phone, tone.Read(said), SlaPolicy.Default, owner, receivedAt.AddDays(2));
                }
                if (i % 3 == 1)
                {
                    var statement = $"{first} reports {Subject(sample).ToLowerInvariant()} and wants it put right, with an explanation of what went wrong.";
                    FinishFirstStage(complaint, statement, owner, receivedAt.AddHours(4));
                }
                await db.SaveChangesAsync(ct);
            }
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Some demo cases are a stage further on, so the queue shows methods under way: the owner records what the customer
    /// said on a call (all said, the problem statement, their confirmation), ticks the manual steps, and moves on.
    /// </summary>
    private void FinishFirstStage(Complaint complaint, string statement, Actor owner, DateTime at)
    {
        var playbook = playbooks.Find(complaint.PlaybookId, complaint.PlaybookVersion)!;
        complaint.RecordAllSaid(Channel.Phone, owner, at);
        complaint.RecordProblemStatement(statement, owner, at);
        complaint.RecordProblemConfirmed(Channel.Phone, owner, at);
        foreach (var step in playbook.FirstStage.Steps.Where(s => s.Required && s.IsManual))
        {
            complaint.CompleteStep(playbook, step.Id, null, owner, at);
        }
        if (complaint.UnmetGates(playbook).Count == 0)
        {
            complaint.Advance(playbook, owner, at);
        }
    }

    private static string Subject(DemoSample sample) =>
        string.IsNullOrWhiteSpace(sample.SubIssue) ? sample.Issue : $"{sample.Issue}: {sample.SubIssue.ToLowerInvariant()}";

    private static string Category(string product) => product switch
    {
        _ when product.StartsWith("Credit reporting", StringComparison.Ordinal) => "credit-reporting",
        "Debt collection" => "debt-collection",
        "Mortgage" => "mortgage",
        _ when product.StartsWith("Credit card", StringComparison.Ordinal) => "credit-card",
        "Checking or savings account" or "Bank account or service" => "banking",
        _ when product.Contains("loan", StringComparison.OrdinalIgnoreCase) => "loans",
        _ => "general",
    };

    private static Priority PriorityOf(DemoSample sample, int index)
    {
        var text = (sample.Issue + " " + sample.SubIssue + " " + sample.Narrative).ToLowerInvariant();
        if (text.Contains("fraud") || text.Contains("identity theft") || text.Contains("foreclos"))
        {
            return index % 2 == 0 ? Priority.Urgent : Priority.High;
        }
        return index % 9 == 0 ? Priority.Low : index % 5 == 0 ? Priority.High : Priority.Normal;
    }

    private static async Task<List<DemoSample>> ReadSamplesAsync(CancellationToken ct)
    {
        await using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Redress.Web.Demo.demo-complaints.jsonl")
            ?? throw new InvalidOperationException("The demo data is missing from the build.");
        using var reader = new StreamReader(stream);
        var samples = new List<DemoSample>();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length > 0)
            {
                samples.Add(JsonSerializer.Deserialize<DemoSample>(line, JsonSerializerOptions.Web)!);
            }
        }
        return samples;
    }

    private sealed record DemoSample(string Id, string Product, string Issue, string? SubIssue, string Narrative);
}
