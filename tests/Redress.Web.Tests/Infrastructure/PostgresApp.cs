using Redress.Web;

namespace Redress.Web.Tests.Infrastructure;

/// <summary>Redress on its own database in the run's one PostgreSQL server (test classes in <see cref="PostgresCollection"/>).</summary>
public sealed class PostgresApp(PostgresFixture postgres) : AppFixture
{
    protected override async Task<RedressApp> CreateAppAsync() =>
        new RedressApp(DatabaseProvider.Postgres, await postgres.CreateDatabaseAsync());
}
