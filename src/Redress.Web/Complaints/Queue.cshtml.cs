using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Redress.Web.Identity;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

public sealed class QueueModel(RedressDb db, PlaybookLibrary playbooks, TimeProvider clock) : PageModel
{
    public QueueFilter Filter { get; private set; } = new();
    public ComplaintPage Results { get; private set; } = new([], null);
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public List<StaffRef> Staff { get; private set; } = [];
    public DateTime Now { get; private set; }
    /// <summary>Where a case stands in its method, for the queue: "S.E.R.V. · Specify".</summary>
    public string Where(ComplaintSummary item) => playbooks.Find(item.Playbook, item.PlaybookVersion) is { } playbook
        ? $"{playbook.Name} · {playbook.FindStage(item.Stage)?.Title ?? item.Stage}"
        : item.Playbook;

    public string StatusValue => string.IsNullOrEmpty(Filter.Status) ? "open" : Filter.Status;

    public string NextPageUrl => QueryHelpers.AddQueryString("/queue", new Dictionary<string, string?>
    {
        ["status"] = Filter.Status,
        ["owner"] = Filter.Owner,
        ["q"] = Filter.Q,
        ["cursor"] = Results.NextCursor,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync([FromQuery] string? status, [FromQuery] string? owner, [FromQuery] string? q, [FromQuery] string? cursor, CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Filter = new QueueFilter(status, owner, q, cursor);
        Staff = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new StaffRef(u.Id, u.DisplayName)).ToListAsync(ct);
        Errors = ComplaintQueries.Validate(Filter);
        if (Errors.Count == 0)
        {
            Results = await ComplaintQueries.ListAsync(db, Filter, User.UserId(), ct);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
