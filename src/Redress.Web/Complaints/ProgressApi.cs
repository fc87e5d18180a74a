using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Complaints;
using Redress.Web.Api;
using Redress.Web.Identity;
using Redress.Web.Playbooks;
using Redress.Web.Storage;

namespace Redress.Web.Complaints;

public sealed record StepRequest(string? Note);

public sealed record SwitchPlaybookRequest(string? Playbook, string? Reason);

public sealed record ProblemStatementRequest(string? Statement);

public sealed record ConfirmationRequest(string? Via);

public sealed record ActionPlanRequest(List<ActionItemRequest>? Actions);

public sealed record ActionItemRequest(string? Description, string? Owner, DateTime? DueAt, bool? Done);

public sealed record RemedyRequest(string? Remedy, string? Via);

public sealed record FollowUpRequest(bool? Reached, string? Note);

public sealed record SatisfactionRequest(bool? Satisfied, int? Rating, string? Comment, string? Via);

/// <summary>
/// Walking a case through its playbook: steps, stages, Specify, the action plan, remedy, follow-ups and satisfaction.
/// Each write honours If-Match and answers with the whole case (and its new ETag), so a client sees the next step.
/// </summary>
public static class ProgressApi
{
    /// <summary>How an agent heard from the customer, when recording it for them (the portal records its own).</summary>
    private static readonly Channel[] AgentChannels = [Channel.Phone, Channel.Email, Channel.Chat, Channel.Social, Channel.Letter, Channel.InPerson];

    public static void MapCaseProgress(this RouteGroupBuilder group)
    {
        group.MapPost("/{reference}/steps/{stepId}/complete", CompleteStep)
            .WithName("CompleteStep").WithSummary("Tick off a manual step of the current stage")
            .WithDescription("Body (optional): {note}. Steps completed by a condition (problem statement confirmed, remedy agreed, ...) complete themselves and are refused here.")
            .Accepts<StepRequest>("application/json");
        group.MapPost("/{reference}/advance", Advance)
            .WithName("AdvanceStage").WithSummary("Move the case to its playbook's next stage; from the last stage, close it")
            .WithDescription("Answers 409 with unmetGates (code and message for each) when the stage's gate is not met.");
        group.MapPost("/{reference}/playbook", SwitchPlaybook)
            .WithName("SwitchPlaybook").WithSummary("Make the case follow another playbook (its latest version), with a reason")
            .Accepts<SwitchPlaybookRequest>("application/json");
        group.MapPut("/{reference}/problem-statement", StateProblem)
            .WithName("SetProblemStatement").WithSummary("Write or rewrite the problem statement: the problem in the agent's words")
            .WithDescription("Rewriting it withdraws the customer's confirmation of the old wording.")
            .Accepts<ProblemStatementRequest>("application/json");
        group.MapPost("/{reference}/problem-statement/confirmation", ConfirmProblem)
            .WithName("ConfirmProblemStatement").WithSummary("Record that the customer confirmed the problem statement")
            .WithDescription("via: how they told you (phone, email, chat, social, letter, in_person). The recorder and time are kept.")
            .Accepts<ConfirmationRequest>("application/json");
        group.MapPost("/{reference}/all-said", AllSaid)
            .WithName("RecordAllSaid").WithSummary("Record that the customer said that is everything")
            .Accepts<ConfirmationRequest>("application/json");
        group.MapPut("/{reference}/action-plan", SetActionPlan)
            .WithName("SetActionPlan").WithSummary("Replace the action plan: one to three actions, each with an owner and a due date")
            .WithDescription("actions: [{description, owner (user id or e-mail), dueAt, done?}]. They are kept most immediate first.")
            .Accepts<ActionPlanRequest>("application/json");
        group.MapPost("/{reference}/remedy", AgreeRemedy)
            .WithName("AgreeRemedy").WithSummary("Record the remedy the customer agreed to")
            .WithDescription("Refused (409) until the customer has confirmed the problem statement.")
            .Accepts<RemedyRequest>("application/json");
        group.MapPost("/{reference}/follow-ups", FollowUp)
            .WithName("RecordFollowUp").WithSummary("Record a follow-up contact attempt")
            .WithDescription("reached: whether you reached the customer. A former owner following up has circled back.")
            .Accepts<FollowUpRequest>("application/json");
        group.MapPost("/{reference}/satisfaction", Satisfaction)
            .WithName("RecordSatisfaction").WithSummary("Record the customer's answer to 'are you satisfied?'")
            .Accepts<SatisfactionRequest>("application/json");
    }

    private static async Task<IResult> CompleteStep(string reference, string stepId, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadOptionalAsync(request, new StepRequest(null));
        if (body is null)
        {
            return problem!;
        }
        return await AnswerAsync(request, reference,
            await work.CompleteStepAsync(reference, stepId, body.Value.Note, user.ToActor(), IfMatch(request), ct), ct);
    }

    private static async Task<IResult> Advance(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
        await AnswerAsync(request, reference, await work.AdvanceAsync(reference, user.ToActor(), IfMatch(request), ct), ct);

    private static async Task<IResult> SwitchPlaybook(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<SwitchPlaybookRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        var errors = new Dictionary<string, string[]>();
        Require(errors, "playbook", body.Value.Playbook, "playbook is required: the id of the playbook to follow.");
        Require(errors, "reason", body.Value.Reason, "reason is required: say why the case should follow a different playbook.");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await work.SwitchPlaybookAsync(reference, body.Value.Playbook!, body.Value.Reason!, user.ToActor(), IfMatch(request), ct);
        return await AnswerAsync(request, reference, result, ct, invalidField: "playbook");
    }

    private static async Task<IResult> StateProblem(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ProblemStatementRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        var errors = new Dictionary<string, string[]>();
        Require(errors, "statement", body.Value.Statement, "statement is required: the customer's problem in your own words.");
        if (body.Value.Statement is { Length: > Complaint.ProblemStatementLength })
        {
            errors["statement"] = [$"The statement may be at most {Complaint.ProblemStatementLength:N0} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await AnswerAsync(request, reference, await work.StateProblemAsync(reference, body.Value.Statement!, user.ToActor(), IfMatch(request), ct), ct);
    }

    private static Task<IResult> ConfirmProblem(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
        RecordHeardAsync(request, reference, via => work.ConfirmProblemAsync(reference, via, user.ToActor(), IfMatch(request), ct), ct);

    private static Task<IResult> AllSaid(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
        RecordHeardAsync(request, reference, via => work.AllSaidAsync(reference, via, user.ToActor(), IfMatch(request), ct), ct);

    /// <summary>Something the customer told an agent, whose body is just {via}.</summary>
    private static async Task<IResult> RecordHeardAsync(HttpRequest request, string reference, Func<Channel, Task<CaseResult<bool>>> record, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConfirmationRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        if (ParseVia(body.Value.Via) is not { } via)
        {
            return ViaProblem();
        }
        return await AnswerAsync(request, reference, await record(via), ct);
    }

    private static async Task<IResult> SetActionPlan(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ActionPlanRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        var actions = body.Value.Actions;
        var errors = new Dictionary<string, string[]>();
        if (actions is null || actions.Count is 0 or > Complaint.MaxActions)
        {
            errors["actions"] = [$"actions must list one to {Complaint.MaxActions} actions, most immediate first."];
        }
        for (var i = 0; actions is not null && i < actions.Count; i++)
        {
            var action = actions[i];
            Require(errors, $"actions[{i}].description", action?.Description, "Say what will be done.");
            Require(errors, $"actions[{i}].owner", action?.Owner, "Name who does it: a user id or e-mail address.");
            if (action?.DueAt is null)
            {
                errors[$"actions[{i}].dueAt"] = ["Say by when, as a date and time (ISO 8601, e.g. 2026-11-24T17:00:00Z)."];
            }
            if (action?.Description is { Length: > 500 })
            {
                errors[$"actions[{i}].description"] = ["At most 500 characters."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The action plan has invalid fields.");
        }
        var requests = actions!.Select(a => new ActionRequest(a.Description!, a.Owner!, a.DueAt!.Value.ToUniversalTime(), a.Done == true)).ToList();
        var result = await work.SetActionPlanAsync(reference, requests, user.ToActor(), IfMatch(request), ct);
        if (result.Outcome == CaseOutcome.Invalid)
        {
            var field = result.Reason!.Split(':')[0];
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [result.Reason[(field.Length + 1)..].Trim()] });
        }
        return await AnswerAsync(request, reference, result, ct);
    }

    private static async Task<IResult> AgreeRemedy(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<RemedyRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        var errors = new Dictionary<string, string[]>();
        Require(errors, "remedy", body.Value.Remedy, "remedy is required: what the customer agreed we will do.");
        if (body.Value.Remedy is { Length: > Complaint.RemedyLength })
        {
            errors["remedy"] = [$"At most {Complaint.RemedyLength:N0} characters."];
        }
        var via = ParseVia(body.Value.Via);
        if (via is null)
        {
            errors["via"] = [ViaMessage];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await AnswerAsync(request, reference, await work.AgreeRemedyAsync(reference, body.Value.Remedy!, via!.Value, user.ToActor(), IfMatch(request), ct), ct);
    }

    private static async Task<IResult> FollowUp(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<FollowUpRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        if (body.Value.Reached is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reached"] = ["reached is required: true if you spoke to the customer, false if you could not reach them."] });
        }
        return await AnswerAsync(request, reference, await work.FollowUpAsync(reference, body.Value.Reached.Value, body.Value.Note, user.ToActor(), IfMatch(request), ct), ct);
    }

    private static async Task<IResult> Satisfaction(string reference, HttpRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<SatisfactionRequest>(request);
        if (body is null)
        {
            return problem!;
        }
        var errors = new Dictionary<string, string[]>();
        if (body.Value.Satisfied is null)
        {
            errors["satisfied"] = ["satisfied is required: true or false, as the customer said."];
        }
        if (body.Value.Rating is < 1 or > 5)
        {
            errors["rating"] = ["rating is from 1 to 5."];
        }
        var via = ParseVia(body.Value.Via);
        if (via is null)
        {
            errors["via"] = [ViaMessage];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await AnswerAsync(request, reference, await work.SatisfactionAsync(reference, body.Value.Satisfied!.Value, body.Value.Rating,
            body.Value.Comment, via!.Value, user.ToActor(), IfMatch(request), ct), ct);
    }

    /// <summary>Done: the whole case with its new ETag. Otherwise the problem (404, 412, 409 with unmet gates, 400).</summary>
    private static async Task<IResult> AnswerAsync<T>(HttpRequest request, string reference, CaseResult<T> result, CancellationToken ct, string? invalidField = null)
    {
        if (result.Outcome == CaseOutcome.Invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalidField ?? "body"] = [result.Reason!] });
        }
        if (result.Outcome != CaseOutcome.Done)
        {
            return ComplaintsApi.Failure(result, reference);
        }
        var services = request.HttpContext.RequestServices;
        var details = await ComplaintQueries.GetAsync(services.GetRequiredService<RedressDb>(), services.GetRequiredService<PlaybookLibrary>(), reference, ct);
        request.HttpContext.Response.Headers.ETag = details!.ETag;
        return TypedResults.Ok(details);
    }

    private static string IfMatch(HttpRequest request) => request.Headers.IfMatch.ToString();

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
    }

    private static Channel? ParseVia(string? via) =>
        WireNames.TryParse<Channel>(via, out var channel) && AgentChannels.Contains(channel) ? channel : null;

    private static string ViaMessage => $"via is required: how the customer told you, one of {string.Join(", ", AgentChannels.Select(WireNames.Of))}.";

    private static ValidationProblem ViaProblem() => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["via"] = [ViaMessage] });
}
