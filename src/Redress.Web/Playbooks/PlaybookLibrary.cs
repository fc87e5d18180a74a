using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Redress.Complaints;
using Redress.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Playbooks;

/// <summary>The "Redress:Playbooks" section.</summary>
public sealed class PlaybookOptions
{
    public const string Section = "Redress:Playbooks";

    /// <summary>The playbook a new complaint gets when no playbook's applies_to rule matches it.</summary>
    [Required]
    public string Default { get; set; } = "serv";
}

/// <summary>
/// Every saved playbook version, parsed, in memory: intake picks a playbook for each new complaint without a
/// database round trip, and each case finds the exact version it follows. Refreshed at start, after every save on
/// this node, and every half minute (<see cref="PlaybookRefresher"/>) so saves on other nodes arrive too.
/// </summary>
public sealed class PlaybookLibrary(IOptions<PlaybookOptions> options, ILogger<PlaybookLibrary> log) : IDisposable
{
    private volatile Snapshot _snapshot = new(new Dictionary<(string, int), Entry>(), [], []);
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    private sealed record Entry(Playbook Playbook, DateTime SavedAt, bool BuiltIn);

    /// <param name="Rules">The latest versions that have an applies_to rule, in the order <see cref="Select"/> tries them.</param>
    private sealed record Snapshot(IReadOnlyDictionary<(string Id, int Version), Entry> All, IReadOnlyList<Entry> Latest, Playbook[] Rules);

    /// <summary>The latest version of each playbook, by id.</summary>
    public IReadOnlyList<Playbook> Latest => [.. _snapshot.Latest.Select(e => e.Playbook)];

    public bool IsBuiltIn(string id) => _snapshot.Latest.Any(e => e.Playbook.Id == id && e.BuiltIn);

    public DateTime? SavedAt(string id, int version) => _snapshot.All.GetValueOrDefault((id, version))?.SavedAt;

    public Playbook? Find(string id, int? version = null) => version is { } v
        ? _snapshot.All.GetValueOrDefault((id, v))?.Playbook
        : _snapshot.Latest.FirstOrDefault(e => e.Playbook.Id == id)?.Playbook;

    public IReadOnlyList<Playbook> Versions(string id) =>
        [.. _snapshot.All.Values.Where(e => e.Playbook.Id == id).Select(e => e.Playbook).OrderByDescending(p => p.Version)];

    public Playbook Default => Find(options.Value.Default)
        ?? throw new InvalidOperationException($"Redress:Playbooks:Default is '{options.Value.Default}', but there is no playbook with that id. Known: {string.Join(", ", _snapshot.Latest.Select(e => e.Playbook.Id))}.");

    /// <summary>
    /// The playbook for a new complaint: the most specific matching applies_to rule, the most recently saved among
    /// equals, else the default.
    /// </summary>
    public Playbook Select(string category, Priority priority, Channel channel)
    {
        // On intake's hot path: the rules are sorted once per refresh, so this is a plain scan.
        foreach (var playbook in _snapshot.Rules)
        {
            if (playbook.AppliesTo.Matches(category, priority, channel))
            {
                return playbook;
            }
        }
        return Default;
    }

    /// <summary>The version a case follows; another node may have saved it moments ago, so a miss looks again.</summary>
    public async Task<Playbook> ForCaseAsync(Complaint complaint, RedressDb db, CancellationToken ct)
    {
        if (Find(complaint.PlaybookId, complaint.PlaybookVersion) is { } playbook)
        {
            return playbook;
        }
        await RefreshAsync(db, ct);
        return Find(complaint.PlaybookId, complaint.PlaybookVersion)
            ?? throw new InvalidOperationException($"Case {complaint.Reference} follows playbook {complaint.PlaybookId} v{complaint.PlaybookVersion}, which is not stored.");
    }

    public void Dispose() => _refreshing.Dispose();

    /// <summary>Reads versions saved since the last look; only new ones are parsed.</summary>
    public async Task RefreshAsync(RedressDb db, CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            var known = _snapshot.All;
            var keys = await db.Playbooks.AsNoTracking().Select(p => new { p.Id, p.Version }).ToListAsync(ct);
            var missing = keys.Where(k => !known.ContainsKey((k.Id, k.Version))).ToList();
            if (missing.Count == 0)
            {
                return;
            }
            var all = new Dictionary<(string, int), Entry>(known);
            var ids = missing.Select(m => m.Id).Distinct().ToList();
            foreach (var row in await db.Playbooks.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            {
                if (all.ContainsKey((row.Id, row.Version)))
                {
                    continue;
                }
                var (playbook, errors) = PlaybookFormat.Parse(row.Yaml);
                if (playbook is null)
                {
                    // It was valid when saved; a stricter format since then must not take Redress down.
                    log.LogError("Stored playbook {Id} v{Version} no longer reads: {Errors}", row.Id, row.Version, string.Join("; ", errors));
                    continue;
                }
                all[(row.Id, row.Version)] = new Entry(playbook with { Version = row.Version }, row.CreatedAt, row.BuiltIn);
            }
            var latest = all.Values.GroupBy(e => e.Playbook.Id).Select(g => g.MaxBy(e => e.Playbook.Version)!).OrderBy(e => e.Playbook.Name, StringComparer.OrdinalIgnoreCase).ToList();
            var rules = latest.Where(e => e.Playbook.AppliesTo.Specificity > 0)
                .OrderByDescending(e => e.Playbook.AppliesTo.Specificity).ThenByDescending(e => e.SavedAt).Select(e => e.Playbook).ToArray();
            _snapshot = new Snapshot(all, latest, rules);
        }
        finally
        {
            _refreshing.Release();
        }
    }
}

/// <summary>Picks up playbooks saved on other nodes.</summary>
public sealed class PlaybookRefresher(IServiceScopeFactory scopes, PlaybookLibrary library, TimeProvider clock, ILogger<PlaybookRefresher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await library.RefreshAsync(scope.ServiceProvider.GetRequiredService<RedressDb>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Refreshing playbooks failed; trying again in {Interval}", Interval);
            }
        }
    }
}
