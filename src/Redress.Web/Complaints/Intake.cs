using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Redress.Coaching;
using Redress.Complaints;
using Redress.Customers;
using Redress.Sla;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

/// <summary>One complaint waiting to be filed, and the caller waiting for it.</summary>
public sealed record IntakeJob(
    ValidComplaint Input,
    Actor ReceivedBy,
    Func<Complaint, IdempotencyRecord>? IdempotencyRecord,
    Priority Priority,
    DateTime ReceivedAt,
    ToneReading Tone)
{
    internal TaskCompletionSource<Complaint> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Files validated complaints: finds or creates the customer, numbers the case, picks its playbook, acknowledges it, and saves it all
/// in one transaction with the idempotency record when the caller sent a key. The caller is answered only after
/// the commit, so a complaint whose 201 was sent is on disk.
/// </summary>
/// <remarks>
/// Complaints that arrive together are committed together (group commit): one transaction, one walk of each
/// index, one WAL write for many complaints. SQLite takes one writer at a time, so this is what lets intake keep
/// up under load. If a shared transaction fails, each complaint in it is retried on its own, so one bad apple
/// (a reused idempotency key, say) fails only its own request.
/// </remarks>
public sealed class Intake(IServiceScopeFactory scopes, WriteGate writeGate, PlaybookLibrary playbooks, ToneAnalyzer tone, TimeProvider clock, ILogger<Intake> log)
    : BackgroundService
{
    private const int MaxBatch = 128;
    private Session? _session;
    private readonly System.Threading.Channels.Channel<IntakeJob> _jobs = System.Threading.Channels.Channel.CreateUnbounded<IntakeJob>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the complaint for the next group commit and waits for it to be on disk.</summary>
    public Task<Complaint> FileAsync(
        ValidComplaint input,
        Actor receivedBy,
        Func<Complaint, IdempotencyRecord>? idempotencyRecord = null,
        Priority priority = Priority.Normal,
        DateTime? receivedAt = null)
    {
        var job = NewJob(input, receivedBy, idempotencyRecord, priority, receivedAt ?? clock.GetUtcNow().UtcDateTime);
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("Redress is shutting down and takes no more complaints.");
        }
        return job.Completion.Task;
    }

    /// <summary>Files one complaint at once, without the queue (start-up work, before the queue runs).</summary>
    public async Task<Complaint> FileNowAsync(ValidComplaint input, Actor receivedBy, Priority priority, DateTime receivedAt, CancellationToken ct)
    {
        var job = NewJob(input, receivedBy, null, priority, receivedAt);
        await WriteAsync([job], persistent: false, ct);
        return await job.Completion.Task;
    }

    /// <summary>
    /// Reads the tone here, on the caller's thread, not on the single writer's: a customer who threatens to go public
    /// or to the law, or who is furious, is handled before the routine.
    /// </summary>
    private IntakeJob NewJob(ValidComplaint input, Actor receivedBy, Func<Complaint, IdempotencyRecord>? idempotencyRecord, Priority priority, DateTime receivedAt)
    {
        var reading = tone.Read($"{input.Subject}.\n{input.Description}");
        return new IntakeJob(input, receivedBy, idempotencyRecord, reading.PriorityFor(priority), receivedAt, reading);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _jobs.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteAsync(TakeBatch(), persistent: true, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: refuse new complaints, but file the ones already accepted.
            _jobs.Writer.TryComplete();
            while (_jobs.Reader.TryPeek(out _))
            {
                await WriteAsync(TakeBatch(), persistent: true, CancellationToken.None);
            }
        }
        finally
        {
            await CloseSessionAsync();
        }
    }

    private List<IntakeJob> TakeBatch()
    {
        var batch = new List<IntakeJob>();
        while (batch.Count < MaxBatch && _jobs.Reader.TryRead(out var job))
        {
            batch.Add(job);
        }
        return batch;
    }

    private async Task WriteAsync(List<IntakeJob> batch, bool persistent, CancellationToken ct)
    {
        try
        {
            var complaints = await SaveAsync(batch, persistent, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(complaints[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var job in batch)
            {
                await WriteAsync([job], persistent, ct);
            }
        }
        catch (Exception ex)
        {
            log.LogDebug(ex, "Filing a complaint failed");
            batch[0].Completion.TrySetException(ex);
        }
    }

    private async Task<List<Complaint>> SaveAsync(List<IntakeJob> batch, bool persistent, CancellationToken ct)
    {
        using var writing = await writeGate.EnterAsync(ct);
        // The queue keeps one connection with its statements prepared; any failure closes it and the next batch opens anew.
        var session = persistent ? _session ??= await Session.OpenAsync(scopes, ct) : await Session.OpenAsync(scopes, ct);
        try
        {
            return await SaveAsync(session, batch, ct);
        }
        catch when (persistent)
        {
            await CloseSessionAsync();
            throw;
        }
        finally
        {
            if (!persistent)
            {
                await session.DisposeAsync();
            }
        }
    }

    private async Task CloseSessionAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
            _session = null;
        }
    }

    private async Task<List<Complaint>> SaveAsync(Session session, List<IntakeJob> batch, CancellationToken ct)
    {
        var (db, rows) = (session.Db, session.Rows);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        rows.Enlist(transaction.GetDbTransaction());

        // One upsert numbers the whole batch, per year (a batch can straddle New Year).
        var nextNumber = new Dictionary<int, long>();
        foreach (var year in batch.GroupBy(j => j.ReceivedAt.Year))
        {
            nextNumber[year.Key] = await rows.ReserveSequenceAsync(year.Key, year.Count(), ct);
        }

        var customers = new Dictionary<string, Customer>();
        var complaints = new List<Complaint>(batch.Count);
        var (firstId, lastId) = (long.MaxValue, long.MinValue);
        foreach (var job in batch)
        {
            var input = job.Input;
            var customer = customers.GetValueOrDefault(input.CustomerEmail) ?? await rows.FindCustomerAsync(input.CustomerEmail, ct);
            if (customer is null)
            {
                customer = new Customer(input.CustomerName, input.CustomerEmail, input.CustomerPhone, job.ReceivedAt);
                customer.AssignId(await rows.InsertCustomerAsync(customer, ct));
            }
            else if (input.CustomerPhone is not null && input.CustomerPhone != customer.Phone)
            {
                // A returning customer's latest phone number is the one to call.
                customer.UpdatePhone(input.CustomerPhone);
                await rows.UpdatePhoneAsync(customer.Id, input.CustomerPhone, ct);
            }
            customers[customer.Email] = customer;

            var reference = ComplaintReference.Format(job.ReceivedAt.Year, nextNumber[job.ReceivedAt.Year]++);
            var complaint = Complaint.Receive(input, customer, reference, job.Priority,
                SlaPolicy.Default.DueTimes(job.Priority, job.ReceivedAt), playbooks.Select(input.Category, job.Priority, input.Channel), job.Tone,
                job.ReceivedBy, job.ReceivedAt);
            var id = await rows.InsertComplaintAsync(complaint, customer.Id, ct);
            (firstId, lastId) = (Math.Min(firstId, id), Math.Max(lastId, id));
            if (job.IdempotencyRecord is not null)
            {
                await rows.InsertIdempotencyAsync(job.IdempotencyRecord(complaint), ct);
            }
            complaints.Add(complaint);
        }

        if (db is SqliteRedressDb)
        {
            await rows.IndexForSearchAsync(firstId, lastId, ct);
        }
        await transaction.CommitAsync(ct);
        return complaints;
    }

    /// <summary>A database connection held open for the intake queue, with the intake statements on it.</summary>
    private sealed class Session(AsyncServiceScope scope, RedressDb db, IntakeRows rows) : IAsyncDisposable
    {
        public RedressDb Db => db;
        public IntakeRows Rows => rows;

        public static async Task<Session> OpenAsync(IServiceScopeFactory scopes, CancellationToken ct)
        {
            var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RedressDb>();
            await db.Database.OpenConnectionAsync(ct);
            return new Session(scope, db, new IntakeRows(db.Database.GetDbConnection()));
        }

        public async ValueTask DisposeAsync()
        {
            await rows.DisposeAsync();
            await db.Database.CloseConnectionAsync();
            await scope.DisposeAsync();
        }
    }
}
