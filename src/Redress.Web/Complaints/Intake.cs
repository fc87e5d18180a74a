using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Redress.Complaints;
using Redress.Customers;
using Redress.Sla;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

/// <summary>
/// Files a validated complaint: finds or creates the customer, numbers the case, acknowledges it,
/// and saves it all in one transaction (with the idempotency record when the caller sent a key).
/// </summary>
public sealed class Intake(RedressDb db, WriteGate writeGate, TimeProvider clock)
{
    public async Task<Complaint> FileAsync(
        ValidComplaint input,
        Actor receivedBy,
        Func<Complaint, IdempotencyRecord>? idempotencyRecord = null,
        Priority priority = Priority.Normal,
        DateTime? receivedAt = null,
        CancellationToken ct = default)
    {
        var now = receivedAt ?? clock.GetUtcNow().UtcDateTime;
        // Two first-time complaints from one new address can race on the customer's unique e-mail; a retry sees the winner.
        // A key reused concurrently fails every time and surfaces to the caller, which replays the stored answer.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FileOnceAsync(input, receivedBy, idempotencyRecord, priority, now, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Complaint> FileOnceAsync(
        ValidComplaint input, Actor receivedBy, Func<Complaint, IdempotencyRecord>? idempotencyRecord, Priority priority, DateTime now, CancellationToken ct)
    {
        using var writing = await writeGate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Email == input.CustomerEmail, ct);
        if (customer is null)
        {
            customer = new Customer(input.CustomerName, input.CustomerEmail, input.CustomerPhone, now);
            db.Customers.Add(customer);
        }
        else
        {
            customer.UpdatePhone(input.CustomerPhone);
        }

        var reference = ComplaintReference.Format(now.Year, await NextSequenceAsync(now.Year, ct));
        var complaint = Complaint.Receive(input, customer, reference, priority, SlaPolicy.Default.DueTimes(priority, now), receivedBy, now);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);

        if (idempotencyRecord is not null)
        {
            db.IdempotencyRecords.Add(idempotencyRecord(complaint));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return complaint;
    }

    /// <summary>One atomic upsert on both databases, inside the filing transaction, so numbers are never reused.</summary>
    private async Task<long> NextSequenceAsync(int year, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "ReferenceCounters" ("Year", "Next") VALUES (@year, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Next" = "ReferenceCounters"."Next" + 1
            RETURNING "Next"
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
