using Microsoft.Extensions.Options;

namespace Redress.Web.Storage;

/// <summary>
/// SQLite takes one writer at a time. When many requests write at once, queueing them here in-process is far
/// faster than letting each connection hit SQLITE_BUSY and sleep before retrying. PostgreSQL needs no gate.
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? _gate = options.Value.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Releaser> EnterAsync(CancellationToken ct)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync(ct);
        }
        return new Releaser(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
