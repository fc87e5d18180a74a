using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Redress.Web.Storage;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="RedressDb"/> on the configured provider; the SQLite file lives in the data directory.
    /// Settings are read when the context is first resolved, after every configuration source (tests included) is in.
    /// </summary>
    public static IServiceCollection AddRedressDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddDbContextPool<SqliteRedressDb>((sp, options) => options
            .UseSqlite(ConnectionString(sp) ?? SqliteConnectionString(sp.GetRequiredService<IOptions<RedressOptions>>().Value.DataDirectory))
            .AddInterceptors(SqlitePragmas.Instance));
        services.AddDbContextPool<PostgresRedressDb>((sp, options) => options.UseNpgsql(ConnectionString(sp)
            ?? throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Redress is empty. Set ConnectionStrings__Redress to an Npgsql connection string.")));
        services.AddScoped<RedressDb>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresRedressDb>()
            : sp.GetRequiredService<SqliteRedressDb>());
        return services;
    }

    private static string? ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString("Redress") is { Length: > 0 } value ? value : null;

    public static string SqliteConnectionString(string dataDirectory)
    {
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "redress.db"),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>Applies pending migrations; safe to run on every start and from several nodes (EF takes a lock).</summary>
    public static async Task MigrateAsync(RedressDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run while one writer writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// Per-connection SQLite settings: in WAL mode NORMAL sync survives a process crash and saves an fsync per commit;
    /// SQLite's own busy handler waits in small steps for writes that do not pass the <see cref="WriteGate"/>.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;";
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>Used by `dotnet ef migrations add --context SqliteRedressDb`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRedressDb>
{
    public SqliteRedressDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRedressDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used by `dotnet ef migrations add --context PostgresRedressDb`.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRedressDb>
{
    public PostgresRedressDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRedressDb>().UseNpgsql("Host=localhost;Database=redress_design").Options);
}
