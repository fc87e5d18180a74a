using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Redress.Playbooks;
using Redress.Web.Identity;
using Redress.Web.Storage;

namespace Redress.Web.Playbooks;

/// <summary>Reading playbooks (any agent) and saving new versions from YAML (admins).</summary>
public static class PlaybooksApi
{
    public static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    public static void MapPlaybooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/playbooks")
            .WithTags("Playbooks")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerTokenHandler.SchemeName, Policy = Policies.Agent });

        group.MapGet("/", (PlaybookLibrary library) => TypedResults.Ok(library.Latest.Select(p => PlaybookViews.Summary(p, library)).ToList()))
            .WithName("ListPlaybooks").WithSummary("The latest version of every playbook");
        group.MapGet("/{id}", GetPlaybook)
            .WithName("GetPlaybook").WithSummary("One playbook in full: stages, steps, gates, reply expectations, and its YAML")
            .WithDescription("?version=N gives an older version; without it, the latest.");
        group.MapPost("/", (HttpRequest request, ClaimsPrincipal user, PlaybookStore store, PlaybookLibrary library, CancellationToken ct) =>
                SaveAsync(request, user, store, library, null, ct))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerTokenHandler.SchemeName, Policy = Policies.Admin })
            .WithName("SavePlaybook").WithSummary("Add a playbook, or a new version of one, from a YAML file (admins)")
            .WithDescription("Send the YAML as the body (Content-Type: application/yaml). 201 with the new version; 200 when the text is identical " +
                "to the latest version; 400 with the line, column and reason of every mistake. The format is in docs/playbooks.md.")
            .Accepts<string>("application/yaml");
        group.MapPut("/{id}", (string id, HttpRequest request, ClaimsPrincipal user, PlaybookStore store, PlaybookLibrary library, CancellationToken ct) =>
                SaveAsync(request, user, store, library, id, ct))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerTokenHandler.SchemeName, Policy = Policies.Admin })
            .WithName("EditPlaybook").WithSummary("Save a new version of this playbook from YAML (admins); the file must keep the id")
            .Accepts<string>("application/yaml");
    }

    private static async Task<Results<Ok<PlaybookDocument>, ProblemHttpResult>> GetPlaybook(
        string id, int? version, PlaybookLibrary library, RedressDb db, CancellationToken ct)
    {
        var playbook = library.Find(id, version);
        if (playbook is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown playbook",
                detail: version is null ? $"There is no playbook '{id}'." : $"Playbook '{id}' has no version {version}.");
        }
        var yaml = await db.Playbooks.AsNoTracking().Where(p => p.Id == playbook.Id && p.Version == playbook.Version).Select(p => p.Yaml).SingleAsync(ct);
        return TypedResults.Ok(PlaybookViews.Document(playbook, library, yaml));
    }

    private static async Task<IResult> SaveAsync(HttpRequest request, ClaimsPrincipal user, PlaybookStore store, PlaybookLibrary library, string? id, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !YamlTypes.Contains(mediaType))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the playbook as YAML text with 'Content-Type: application/yaml'.");
        }
        var (yaml, tooLarge) = await ReadTextAsync(request, PlaybookFormat.MaxLength, ct);
        if (tooLarge)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Playbook too large",
                detail: $"A playbook file may be at most {PlaybookFormat.MaxLength / 1024} KiB.");
        }
        if (yaml is null)
        {
            return Invalid([new PlaybookError(1, 1, "", "The file is not UTF-8 text.")]);
        }
        if (id is not null && library.Find(id) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown playbook",
                detail: $"There is no playbook '{id}' to edit; POST /api/v1/playbooks adds a new one.");
        }

        var result = await store.SaveAsync(yaml, user.ToActor(), id, ct);
        if (result.Playbook is null)
        {
            return Invalid(result.Errors);
        }
        var document = PlaybookViews.Document(result.Playbook, library, yaml);
        return result.Created ? TypedResults.Created($"/api/v1/playbooks/{document.Id}?version={document.Version}", document) : TypedResults.Ok(document);
    }

    /// <summary>400 naming every mistake: per path for clients that read errors, and line/column for editors.</summary>
    private static ValidationProblem Invalid(IReadOnlyList<PlaybookError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(e => e.Path.Length == 0 ? "yaml" : e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
        title: "The playbook file is invalid.",
        detail: string.Join(Environment.NewLine, errors.Select(e => e.ToString())),
        extensions: new Dictionary<string, object?> { ["problems"] = errors.Select(e => new { e.Line, e.Column, e.Path, e.Message }).ToList() });

    private static async Task<(string? Text, bool TooLarge)> ReadTextAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit * 4L)
        {
            return (null, true);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, true);
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return (new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'), false);
        }
        catch (DecoderFallbackException)
        {
            return (null, false);
        }
    }
}
