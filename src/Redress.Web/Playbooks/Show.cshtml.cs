using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Redress.Web.Identity;
using Redress.Web.Storage;

namespace Redress.Web.Playbooks;

public sealed class ShowModel(PlaybookLibrary library, RedressDb db) : PageModel
{
    public PlaybookDocument? Playbook { get; private set; }
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken ct)
    {
        var playbook = library.Find(id, version);
        if (playbook is null)
        {
            return NotFound();
        }
        var yaml = await db.Playbooks.AsNoTracking().Where(p => p.Id == playbook.Id && p.Version == playbook.Version).Select(p => p.Yaml).SingleAsync(ct);
        Playbook = PlaybookViews.Document(playbook, library, yaml);
        return Page();
    }
}
