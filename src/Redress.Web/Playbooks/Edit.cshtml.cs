using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Redress.Playbooks;
using Redress.Web.Identity;
using Redress.Web.Storage;

namespace Redress.Web.Playbooks;

/// <summary>Admins add a playbook (upload or paste YAML) or save an edit of one as its next version.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(PlaybookLibrary library, PlaybookStore store, RedressDb db) : PageModel
{
    public string? Id { get; private set; }
    public string? Yaml { get; private set; }
    public IReadOnlyList<PlaybookError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (id is null)
        {
            return Page();
        }
        var latest = library.Find(id);
        if (latest is null)
        {
            return NotFound();
        }
        Id = id;
        Yaml = await db.Playbooks.AsNoTracking().Where(p => p.Id == id && p.Version == latest.Version).Select(p => p.Yaml).SingleAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, string? yaml, IFormFile? file, CancellationToken ct)
    {
        Id = id;
        if (id is not null && library.Find(id) is null)
        {
            return NotFound();
        }
        if (file is { Length: > 0 })
        {
            if (file.Length > PlaybookFormat.MaxLength)
            {
                Errors = [new PlaybookError(1, 1, "", $"The file is larger than {PlaybookFormat.MaxLength / 1024} KiB.")];
                return Refused();
            }
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, true));
            try
            {
                yaml = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                Errors = [new PlaybookError(1, 1, "", "The file is not UTF-8 text.")];
                return Refused();
            }
        }
        Yaml = yaml;
        if (string.IsNullOrWhiteSpace(yaml))
        {
            Errors = [new PlaybookError(1, 1, "", "Choose a YAML file or paste the playbook.")];
            return Refused();
        }

        var result = await store.SaveAsync(yaml, User.ToActor(), id, ct);
        if (result.Playbook is null)
        {
            Errors = result.Errors;
            return Refused();
        }
        return Redirect($"/playbooks/{result.Playbook.Id}?version={result.Playbook.Version}");
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
