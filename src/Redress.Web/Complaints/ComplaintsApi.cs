using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using AsParametersAttribute = Microsoft.AspNetCore.Http.AsParametersAttribute;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Redress.Complaints;
using Redress.Web.Api;
using Redress.Web.Identity;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

public sealed record CustomerInput(string? Name, string? Email, string? Phone);

public sealed record IntakeRequest(
    CustomerInput? Customer,
    string? Subject,
    string? Description,
    string? Channel,
    string? Category,
    string? OrderReference,
    string? DesiredOutcome);

/// <summary>from: 'agent' (default) writes to the customer or the team; 'customer' records what the customer sent, via a channel.</summary>
public sealed record MessageRequest(string? Body, string? Visibility, bool? IncludeActionPlan, string? From, string? Via);

public sealed record OwnerRequest(string? Owner);

public static class ComplaintsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapComplaints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/complaints")
            .WithTags("Complaints")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerTokenHandler.SchemeName, Policy = Policies.Agent });

        group.MapPost("/", FileComplaint)
            .WithName("FileComplaint")
            .WithSummary("File a complaint")
            .WithDescription("Records the customer's complaint verbatim, numbers it, and acknowledges it at once. " +
                "Send an Idempotency-Key header to make retries safe: a retry with the same key and body returns the first answer and creates nothing.")
            .Accepts<IntakeRequest>("application/json");

        group.MapGet("/", ListComplaints)
            .WithName("ListComplaints")
            .WithSummary("List complaints, most urgent first")
            .WithDescription("Filters: status (open, all, or one status), owner (me, none, or a user id), q (full-text search or a reference). " +
                "Pages with limit and the nextCursor of the previous page.");

        group.MapGet("/{reference}", GetComplaint)
            .WithName("GetComplaint")
            .WithSummary("One complaint with its messages and timeline")
            .WithDescription("The ETag header carries the case's version; send it back as If-Match on writes.");

        group.MapPost("/{reference}/messages", PostMessage)
            .WithName("PostMessage")
            .WithSummary("Reply to the customer, add an internal note, or record what the customer sent")
            .WithDescription("visibility is 'customer' (a reply; default) or 'internal' (a note the customer never sees). " +
                "includeActionPlan: true adds the case's action plan to a reply. " +
                "from: 'customer' records a message the customer sent on another channel (via: phone, email, chat, letter, social, in_person, ...; default api): " +
                "it is scored for anger, and a threat or a very angry message raises the case's priority. Honours If-Match.")
            .Accepts<MessageRequest>("application/json");

        group.MapPost("/{reference}/owner", AssignOwner)
            .WithName("AssignOwner")
            .WithSummary("Make a member of staff the case's owner")
            .WithDescription("owner is a user id or e-mail address. Honours If-Match.")
            .Accepts<OwnerRequest>("application/json");

        group.MapCaseProgress();
        return group;
    }

    private static async Task<Results<Created<FiledComplaint>, ValidationProblem, ProblemHttpResult>> FileComplaint(
        HttpRequest request, ClaimsPrincipal user, Intake intake, IOptions<JsonOptions> json, TimeProvider clock, CancellationToken ct)
    {
        string? key = request.Headers[IdempotencyHeader];
        if (key is not null && (key.Length is 0 or > 200 || key.Any(char.IsControl)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = ["The Idempotency-Key header must be 1 to 200 printable characters."],
            });
        }

        var (body, problem) = await JsonBody.ReadAsync<IntakeRequest>(request);
        if (body is null)
        {
            return problem!;
        }

        var scope = $"POST /api/v1/complaints|{user.UserId()}";
        // Only a request with a key needs the database here; intake writes through its own queue.
        var db = key is null ? null : request.HttpContext.RequestServices.GetRequiredService<RedressDb>();
        if (db is not null && key is not null && await ReplayAsync(db, scope, key, body.Sha256, request.HttpContext, json.Value.SerializerOptions, ct) is { } replay)
        {
            return replay;
        }

        var input = body.Value;
        var (valid, errors) = ComplaintValidation.Validate(new NewComplaint
        {
            CustomerName = input.Customer?.Name,
            CustomerEmail = input.Customer?.Email,
            CustomerPhone = input.Customer?.Phone,
            Subject = input.Subject,
            Description = input.Description,
            Channel = input.Channel,
            Category = input.Category,
            OrderReference = input.OrderReference,
            DesiredOutcome = input.DesiredOutcome,
        }, Channel.Api);
        if (valid is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The complaint has invalid fields.");
        }

        FiledComplaint? filed = null;
        try
        {
            var complaint = await intake.FileAsync(valid, user.ToActor(),
                key is null ? null : c =>
                {
                    filed = ToFiled(c);
                    return new IdempotencyRecord
                    {
                        Scope = scope,
                        Key = key,
                        RequestHash = body.Sha256,
                        StatusCode = StatusCodes.Status201Created,
                        Location = LocationOf(c.Reference),
                        ResponseBody = JsonSerializer.Serialize(filed, json.Value.SerializerOptions),
                        CreatedAt = clock.GetUtcNow().UtcDateTime,
                    };
                });
            filed ??= ToFiled(complaint);
            return TypedResults.Created(LocationOf(complaint.Reference), filed);
        }
        catch (System.Data.Common.DbException) when (db is not null)
        {
            // The same key won a race in another request: answer as it did.
            return await ReplayAsync(db, scope, key!, body.Sha256, request.HttpContext, json.Value.SerializerOptions, ct) ?? throw new InvalidOperationException("Filing failed and no idempotent answer was stored.");
        }
    }

    private static async Task<Results<Created<FiledComplaint>, ValidationProblem, ProblemHttpResult>?> ReplayAsync(
        RedressDb db, string scope, string key, string requestHash, HttpContext context, JsonSerializerOptions options, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
        if (record is null)
        {
            return null;
        }
        if (record.RequestHash != requestHash)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used with a different request body. Use a new key for a new complaint.");
        }
        context.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created(record.Location, JsonSerializer.Deserialize<FiledComplaint>(record.ResponseBody, options));
    }

    private static async Task<Results<Ok<ComplaintPage>, ValidationProblem>> ListComplaints(
        [AsParameters] QueueFilter filter, ClaimsPrincipal user, RedressDb db, CancellationToken ct)
    {
        var errors = ComplaintQueries.Validate(filter);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The filter has invalid values.");
        }
        return TypedResults.Ok(await ComplaintQueries.ListAsync(db, filter, user.UserId(), ct));
    }

    private static async Task<Results<Ok<ComplaintDetails>, ProblemHttpResult>> GetComplaint(
        string reference, RedressDb db, PlaybookLibrary playbooks, HttpResponse response, CancellationToken ct)
    {
        var details = await ComplaintQueries.GetAsync(db, playbooks, reference, ct);
        if (details is null)
        {
            return UnknownReference(reference);
        }
        response.Headers.ETag = details.ETag;
        return TypedResults.Ok(details);
    }

    private static async Task<Results<Created<MessageView>, ValidationProblem, ProblemHttpResult>> PostMessage(
        string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<MessageRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        var errors = new Dictionary<string, string[]>();
        if (ComplaintValidation.MessageBodyError(body.Value.Body) is { } bodyError)
        {
            errors["body"] = [bodyError];
        }
        var visibility = body.Value.Visibility?.Trim().ToLowerInvariant() ?? "customer";
        if (visibility is not ("customer" or "internal"))
        {
            errors["visibility"] = ["visibility must be 'customer' (a reply) or 'internal' (a note)."];
        }
        var fromCustomer = false;
        switch (body.Value.From?.Trim().ToLowerInvariant())
        {
            case null or "agent":
                if (body.Value.Via is not null)
                {
                    errors["via"] = ["via says how a customer's message reached us; send it with from: 'customer'."];
                }
                break;
            case "customer":
                fromCustomer = true;
                if (visibility == "internal")
                {
                    errors["visibility"] = ["A customer's message is theirs, not an internal note: leave visibility out or send 'customer'."];
                }
                if (body.Value.IncludeActionPlan == true)
                {
                    errors["includeActionPlan"] = ["The action plan goes with a reply to the customer, not with their own message."];
                }
                break;
            default:
                errors["from"] = ["from must be 'agent' (default: a reply or a note) or 'customer' (what the customer sent)."];
                break;
        }
        var via = Channel.Api;
        if (fromCustomer && body.Value.Via is { } viaName && !WireNames.TryParse(viaName, out via))
        {
            errors["via"] = [$"Unknown channel '{(viaName.Length > 40 ? viaName[..40] + "..." : viaName)}'. Use one of: {string.Join(", ", WireNames.All<Channel>())}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The message has invalid fields.");
        }

        var ifMatch = request.Headers.IfMatch.ToString();
        var result = fromCustomer ? await work.ReceiveAsync(reference, body.Value.Body!, via, user.ToActor(), ifMatch, ct)
            : visibility == "internal" ? await work.AddNoteAsync(reference, body.Value.Body!, user.ToActor(), ifMatch, ct)
            : await work.ReplyAsync(reference, body.Value.Body!, user.ToActor(), ifMatch, ct, body.Value.IncludeActionPlan == true);
        if (result.Outcome != CaseOutcome.Done)
        {
            return Failure(result, reference);
        }
        request.HttpContext.Response.Headers.ETag = ComplaintETag.For(result.Version);
        var message = result.Value!;
        return TypedResults.Created(LocationOf(ComplaintReference.Normalize(reference)), MessageView.Of(message));
    }

    private static async Task<Results<Ok<StaffRef>, ValidationProblem, ProblemHttpResult>> AssignOwner(
        string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<OwnerRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        if (string.IsNullOrWhiteSpace(body.Value.Owner))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["owner"] = ["owner is required: a user id or e-mail address."] });
        }
        var result = await work.AssignAsync(reference, body.Value.Owner, user.ToActor(), request.Headers.IfMatch.ToString(), ct);
        if (result.Outcome == CaseOutcome.Invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["owner"] = [result.Reason!] });
        }
        if (result.Outcome != CaseOutcome.Done)
        {
            return Failure(result, reference);
        }
        request.HttpContext.Response.Headers.ETag = ComplaintETag.For(result.Version);
        return TypedResults.Ok(result.Value!);
    }

    public static FiledComplaint ToFiled(Complaint c)
    {
        var acknowledgement = c.Messages.First(m => m.Direction == MessageDirection.Outbound);
        return new FiledComplaint(c.Reference, c.Status, c.PlaybookId, c.StageId, Owner: null,
            ComplaintQueries.SlaOf(c), new AcknowledgementView(acknowledgement.CreatedAt, acknowledgement.Body));
    }

    internal static string LocationOf(string reference) => $"/api/v1/complaints/{reference}";

    internal static ProblemHttpResult UnknownReference(string reference) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown complaint",
            detail: $"There is no complaint with reference '{reference}'.");

    internal static ProblemHttpResult Failure<T>(CaseResult<T> result, string reference) => result.Outcome switch
    {
        CaseOutcome.NotFound => UnknownReference(reference),
        CaseOutcome.Stale => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale version", detail: result.Reason),
        _ when result.Unmet is { } unmet => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Gate not met", detail: result.Reason,
            extensions: new Dictionary<string, object?> { ["unmetGates"] = unmet.Select(u => new UnmetGateView(u.Code, u.Message)).ToList() }),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: result.Reason),
    };
}
