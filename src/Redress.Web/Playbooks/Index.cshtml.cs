using Microsoft.AspNetCore.Mvc.RazorPages;
using Redress.Web.Identity;

namespace Redress.Web.Playbooks;

public sealed class IndexModel(PlaybookLibrary library) : PageModel
{
    public IReadOnlyList<PlaybookSummary> Playbooks { get; private set; } = [];
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public void OnGet() => Playbooks = [.. library.Latest.Select(p => PlaybookViews.Summary(p, library))];
}
