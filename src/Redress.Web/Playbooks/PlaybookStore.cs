using Microsoft.EntityFrameworkCore;
using Redress.Complaints;
using Redress.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Playbooks;

public sealed record PlaybookSaveResult(Playbook? Playbook, IReadOnlyList<PlaybookError> Errors, bool Created);

/// <summary>Saves playbooks as new versions (never in place) and installs the built-ins.</summary>
public sealed class PlaybookStore(RedressDb db, PlaybookLibrary library, TimeProvider clock)
{
    /// <summary>
    /// Checks the YAML and saves it as the next version of its playbook. Saving text identical to the latest version
    /// creates nothing. With <paramref name="expectedId"/> (an edit of a known playbook) the file must keep that id.
    /// </summary>
    public async Task<PlaybookSaveResult> SaveAsync(string yaml, Actor by, string? expectedId, CancellationToken ct)
    {
        var (playbook, errors) = PlaybookFormat.Parse(yaml);
        if (playbook is null)
        {
            return new PlaybookSaveResult(null, errors, false);
        }
        if (expectedId is not null && playbook.Id != expectedId)
        {
            return new PlaybookSaveResult(null, [new PlaybookError(1, 1, "id",
                $"This file is playbook '{playbook.Id}', but you are editing '{expectedId}'. Keep the id, or add it as a new playbook.")], false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var latest = await db.Playbooks.AsNoTracking().Where(p => p.Id == playbook.Id).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
            if (latest?.Yaml == yaml)
            {
                return new PlaybookSaveResult(playbook with { Version = latest.Version }, [], false);
            }
            var row = new StoredPlaybook
            {
                Id = playbook.Id,
                Version = (latest?.Version ?? 0) + 1,
                Name = playbook.Name,
                Yaml = yaml,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = by.Name,
            };
            db.Playbooks.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone saved the same playbook at the same moment and took this version number: take the next.
                db.Entry(row).State = EntityState.Detached;
                continue;
            }
            await library.RefreshAsync(db, ct);
            return new PlaybookSaveResult(playbook with { Version = row.Version }, [], true);
        }
    }

    /// <summary>
    /// Installs each built-in as version 1 on first start. A later release that changes a built-in adds a new version,
    /// unless an admin has edited that playbook since: their version stands.
    /// </summary>
    public async Task InstallBuiltInsAsync(CancellationToken ct)
    {
        foreach (var (id, yaml) in BuiltInPlaybooks.Files())
        {
            var (playbook, errors) = PlaybookFormat.Parse(yaml);
            if (playbook is null || playbook.Id != id)
            {
                throw new InvalidOperationException($"The built-in playbook '{id}' does not read: {string.Join("; ", errors)}");
            }
            var latest = await db.Playbooks.AsNoTracking().Where(p => p.Id == id).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
            if (latest is null || (latest.BuiltIn && latest.Yaml != yaml))
            {
                db.Playbooks.Add(new StoredPlaybook
                {
                    Id = id,
                    Version = (latest?.Version ?? 0) + 1,
                    Name = playbook.Name,
                    Yaml = yaml,
                    BuiltIn = true,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    CreatedBy = Actor.System.Name,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        await library.RefreshAsync(db, ct);
        _ = library.Default; // a default that names no playbook fails the start, not the first complaint
    }
}
