using Microsoft.Data.Sqlite;

// A bare ASP.NET Core + SQLite intake: bind the same JSON, insert one row, answer 201.
// It runs with the same SQLite settings as Redress (WAL, synchronous=NORMAL) so the ratio measures Redress's own work.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var folder = Path.GetFullPath(app.Configuration["Redress:DataDirectory"] ?? "./data");
Directory.CreateDirectory(folder);
var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "baseline.db"), Pooling = true, DefaultTimeout = 30 }.ToString();
using (var setup = new SqliteConnection(connectionString))
{
    setup.Open();
    using var command = setup.CreateCommand();
    command.CommandText = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS Complaints (
            Id INTEGER PRIMARY KEY, Name TEXT NOT NULL, Email TEXT NOT NULL, Subject TEXT NOT NULL,
            Description TEXT NOT NULL, Channel TEXT, Category TEXT, ReceivedAt TEXT NOT NULL);
        """;
    command.ExecuteNonQuery();
}

app.MapGet("/healthz", () => "Healthy");
app.MapPost("/api/v1/complaints", async (IntakeRequest request) =>
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = """
        PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;
        INSERT INTO Complaints (Name, Email, Subject, Description, Channel, Category, ReceivedAt)
        VALUES ($name, $email, $subject, $description, $channel, $category, $receivedAt) RETURNING Id;
        """;
    command.Parameters.AddWithValue("$name", request.Customer?.Name ?? "");
    command.Parameters.AddWithValue("$email", request.Customer?.Email ?? "");
    command.Parameters.AddWithValue("$subject", request.Subject ?? "");
    command.Parameters.AddWithValue("$description", request.Description ?? "");
    command.Parameters.AddWithValue("$channel", (object?)request.Channel ?? DBNull.Value);
    command.Parameters.AddWithValue("$category", (object?)request.Category ?? DBNull.Value);
    command.Parameters.AddWithValue("$receivedAt", TimeProvider.System.GetUtcNow().UtcDateTime.ToString("O"));
    var id = (long)(await command.ExecuteScalarAsync())!;
    return Results.Created($"/api/v1/complaints/{id}", new IntakeAnswer(id, "open"));
});

app.Run();

internal sealed record CustomerInput(string? Name, string? Email, string? Phone);

internal sealed record IntakeRequest(CustomerInput? Customer, string? Subject, string? Description, string? Channel, string? Category, string? OrderReference, string? DesiredOutcome);

internal sealed record IntakeAnswer(long Id, string Status);
