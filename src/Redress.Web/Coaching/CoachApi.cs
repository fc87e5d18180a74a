using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Coaching;
using Redress.Complaints;
using Redress.Web.Api;
using Redress.Web.Complaints;
using Redress.Web.Identity;

namespace Redress.Web.Coaching;

public sealed record CoachReviewRequest(string? Text, string? Kind, string? Reference);

/// <summary>kind reply: findings for the draft; kind incoming: the customer's tone (and no findings).</summary>
public sealed record CoachReview(string Kind, IReadOnlyList<FindingView> Findings, ToneView? Tone, string? Stage);

public static class CoachApi
{
    public static void MapCoaching(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/coach")
            .WithTags("Coaching")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerTokenHandler.SchemeName, Policy = Policies.Agent });

        group.MapPost("/review", Review)
            .WithName("CoachReview").WithSummary("Review a draft reply, or read the tone of a customer's message")
            .WithDescription("Body: {text, kind: reply|incoming, reference?}. For a reply: findings (rule id, message, character span, severity, " +
                "suggested rewrite) for passing the buck, blame, arguing, a flat no and hollow apologies, plus the moves the case's current stage " +
                "expects and the draft lacks when a reference is given. For an incoming message: the anger score from 0 to 1 and the named signals.")
            .Accepts<CoachReviewRequest>("application/json");
    }

    private static async Task<Results<Ok<CoachReview>, ValidationProblem, ProblemHttpResult>> Review(
        HttpRequest request, CaseCoaching coaching, ToneAnalyzer tone, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CoachReviewRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        var (text, kind, reference) = body.Value;
        var errors = new Dictionary<string, string[]>();
        if (text is null)
        {
            errors["text"] = ["text is required: the draft reply or the customer's message."];
        }
        else if (text.Length > ComplaintLimits.MessageLength)
        {
            errors["text"] = [$"text is {text.Length:N0} characters; the limit is {ComplaintLimits.MessageLength:N0}."];
        }
        if (kind is not (null or "reply" or "incoming"))
        {
            errors["kind"] = ["kind is reply (an agent's draft) or incoming (a customer's message)."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (kind == "incoming")
        {
            return TypedResults.Ok(new CoachReview("incoming", [], ToneView.Of(tone.Read(text!)), null));
        }
        if (await coaching.ReviewReplyAsync(text!, reference, ct) is not { } review)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown complaint", detail: $"There is no complaint {reference}.");
        }
        return TypedResults.Ok(new CoachReview("reply", review.Findings, null, review.Stage?.Id));
    }
}
