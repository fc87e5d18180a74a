using System.Data.Common;
using Redress.Complaints;
using Redress.Customers;

namespace Redress.Web.Storage;

/// <summary>
/// Intake's hot path: the rows of newly received complaints, written with statements prepared once per batch
/// and reused for every complaint in it. Intake is the one write that happens at volume, and through EF Core each
/// row is a freshly parsed statement plus change tracking (SQLite keeps no statement cache between commands).
/// The SQL names EF's columns (see the migrations) and runs unchanged on SQLite and PostgreSQL; the API tests
/// read every filed complaint back through EF on both.
/// </summary>
internal sealed class IntakeRows : IAsyncDisposable
{
    private readonly DbCommand _findCustomer;
    private readonly DbCommand _customer;
    private readonly DbCommand _phone;
    private readonly DbCommand _sequence;
    private readonly DbCommand _complaint;
    private readonly DbCommand _message;
    private readonly DbCommand _event;
    private readonly DbCommand _idempotency;
    private readonly DbCommand _search;

    public IntakeRows(DbConnection connection)
    {
        DbCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            return command;
        }

        _findCustomer = Prepare("""
            SELECT "Id", "Name", "Phone", "CreatedAt" FROM "Customers" WHERE "Email" = @email
            """, "@email");
        _customer = Prepare("""
            INSERT INTO "Customers" ("Name", "Email", "Phone", "CreatedAt") VALUES (@name, @email, @phone, @createdAt) RETURNING "Id"
            """, "@name", "@email", "@phone", "@createdAt");
        _phone = Prepare("""UPDATE "Customers" SET "Phone" = @phone WHERE "Id" = @id""", "@phone", "@id");
        _sequence = Prepare("""
            INSERT INTO "ReferenceCounters" ("Year", "Next") VALUES (@year, @count)
            ON CONFLICT ("Year") DO UPDATE SET "Next" = "ReferenceCounters"."Next" + @count
            RETURNING "Next"
            """, "@year", "@count");
        _complaint = Prepare("""
            INSERT INTO "Complaints" ("Reference", "CustomerId", "Subject", "CustomerWords", "Channel", "Category", "OrderReference",
                "DesiredOutcome", "Status", "Priority", "OwnerId", "Version", "ReceivedAt", "UpdatedAt", "AcknowledgedAt",
                "FirstResponseDueAt", "FirstRespondedAt", "ResolveDueAt", "NextDueAt", "PlaybookId", "PlaybookVersion", "StageId", "StageEnteredAt",
                "FollowUpAttempts", "ToneScore", "ToneSignals")
            VALUES (@reference, @customerId, @subject, @words, @channel, @category, @orderReference,
                @desiredOutcome, @status, @priority, @ownerId, @version, @receivedAt, @updatedAt, @acknowledgedAt,
                @firstResponseDueAt, @firstRespondedAt, @resolveDueAt, @nextDueAt, @playbookId, @playbookVersion, @stageId, @stageEnteredAt,
                @followUpAttempts, @toneScore, @toneSignals)
            RETURNING "Id"
            """, "@reference", "@customerId", "@subject", "@words", "@channel", "@category", "@orderReference",
            "@desiredOutcome", "@status", "@priority", "@ownerId", "@version", "@receivedAt", "@updatedAt", "@acknowledgedAt",
            "@firstResponseDueAt", "@firstRespondedAt", "@resolveDueAt", "@nextDueAt", "@playbookId", "@playbookVersion", "@stageId",
            "@stageEnteredAt", "@followUpAttempts", "@toneScore", "@toneSignals");
        _message = Prepare("""
            INSERT INTO "Messages" ("ComplaintId", "Direction", "Body", "AuthorName", "AuthorId", "CreatedAt")
            VALUES (@complaintId, @direction, @body, @authorName, @authorId, @createdAt) RETURNING "Id"
            """, "@complaintId", "@direction", "@body", "@authorName", "@authorId", "@createdAt");
        _event = Prepare("""
            INSERT INTO "TimelineEvents" ("ComplaintId", "Kind", "Summary", "ActorName", "ActorId", "OccurredAt", "MessageId")
            VALUES (@complaintId, @kind, @summary, @actorName, @actorId, @occurredAt, @messageId)
            """, "@complaintId", "@kind", "@summary", "@actorName", "@actorId", "@occurredAt", "@messageId");
        _idempotency = Prepare("""
            INSERT INTO "IdempotencyRecords" ("Scope", "Key", "RequestHash", "StatusCode", "Location", "ResponseBody", "CreatedAt")
            VALUES (@scope, @key, @requestHash, @statusCode, @location, @responseBody, @createdAt)
            """, "@scope", "@key", "@requestHash", "@statusCode", "@location", "@responseBody", "@createdAt");
        _search = Prepare($"""
            INSERT INTO "{SqliteRedressDb.SearchTable}" (rowid, "Reference", "Subject", "CustomerWords", "OrderReference")
            SELECT "Id", "Reference", "Subject", "CustomerWords", "OrderReference" FROM "Complaints" WHERE "Id" BETWEEN @first AND @last
            """, "@first", "@last");
    }

    /// <summary>
    /// SQLite only: adds complaints with ids in [first, last] to the FTS5 table in one statement, which costs half what
    /// a per-row trigger does. (PostgreSQL keeps its tsvector up to date by itself.)
    /// </summary>
    public async Task IndexForSearchAsync(long firstId, long lastId, CancellationToken ct) =>
        await ExecuteAsync(_search, ct, firstId, lastId);

    /// <summary>The statements stay prepared on their connection from batch to batch; each batch brings its transaction.</summary>
    public void Enlist(DbTransaction transaction)
    {
        foreach (var command in Commands)
        {
            command.Transaction = transaction;
        }
    }

    public async Task<Customer?> FindCustomerAsync(string email, CancellationToken ct)
    {
        Bind(_findCustomer, [email]);
        await using var reader = await _findCustomer.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var customer = new Customer(reader.GetString(1), email, await reader.IsDBNullAsync(2, ct) ? null : reader.GetString(2),
            DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc));
        customer.AssignId(reader.GetInt64(0));
        return customer;
    }

    public async Task<long> InsertCustomerAsync(Customer customer, CancellationToken ct) =>
        await ScalarAsync(_customer, ct, customer.Name, customer.Email, customer.Phone, customer.CreatedAt);

    public async Task UpdatePhoneAsync(long customerId, string phone, CancellationToken ct) =>
        await ExecuteAsync(_phone, ct, phone, customerId);

    /// <summary>Reserves <paramref name="count"/> numbers for the year in one atomic upsert; returns the first.</summary>
    public async Task<long> ReserveSequenceAsync(int year, int count, CancellationToken ct) =>
        await ScalarAsync(_sequence, ct, year, count) - count + 1;

    /// <summary>The complaint, its messages and its timeline, linking each event to its message.</summary>
    public async Task<long> InsertComplaintAsync(Complaint c, long customerId, CancellationToken ct)
    {
        var complaintId = await ScalarAsync(_complaint, ct, c.Reference, customerId, c.Subject, c.CustomerWords, c.Channel.ToString(),
            c.Category, c.OrderReference, c.DesiredOutcome, c.Status.ToString(), (int)c.Priority, c.OwnerId, c.Version, c.ReceivedAt,
            c.UpdatedAt, c.AcknowledgedAt, c.FirstResponseDueAt, c.FirstRespondedAt, c.ResolveDueAt, c.NextDueAt, c.PlaybookId, c.PlaybookVersion,
            c.StageId, c.StageEnteredAt, c.FollowUpAttempts, c.ToneScore, c.ToneSignals);
        var messageIds = new Dictionary<Message, long>();
        foreach (var m in c.Messages)
        {
            messageIds[m] = await ScalarAsync(_message, ct, complaintId, m.Direction.ToString(), m.Body, m.AuthorName, m.AuthorId, m.CreatedAt);
        }
        foreach (var e in c.Timeline)
        {
            await ExecuteAsync(_event, ct, complaintId, e.Kind, e.Summary, e.ActorName, e.ActorId, e.OccurredAt,
                e.Message is null ? null : messageIds[e.Message]);
        }
        return complaintId;
    }

    public async Task InsertIdempotencyAsync(IdempotencyRecord r, CancellationToken ct) =>
        await ExecuteAsync(_idempotency, ct, r.Scope, r.Key, r.RequestHash, r.StatusCode, r.Location, r.ResponseBody, r.CreatedAt);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in Commands)
        {
            await command.DisposeAsync();
        }
    }

    private DbCommand[] Commands => [_findCustomer, _customer, _phone, _sequence, _complaint, _message, _event, _idempotency, _search];

    private static async Task<long> ScalarAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
