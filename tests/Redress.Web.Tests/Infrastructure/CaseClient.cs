using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Redress.Web.Tests.Infrastructure;

/// <summary>One case driven through the API as an integration would: every write sends the ETag it last saw.</summary>
public sealed class CaseClient(HttpClient client, string reference)
{
    public string Reference => reference;
    public string? ETag { get; private set; }
    public HttpClient Client => client;

    public async Task<JsonNode> GetAsync()
    {
        var response = await client.GetAsync($"/api/v1/complaints/{reference}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ETag = response.Headers.ETag?.Tag;
        return await response.ReadJsonAsync();
    }

    /// <summary>Sends a write with If-Match; on success remembers the new ETag.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/complaints/{reference}{path}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if ((ifMatch ?? ETag) is { } tag)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(tag));
        }
        var response = await client.SendAsync(request);
        if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
        {
            ETag = etag.Tag;
        }
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> PutAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Put, path, body);

    /// <summary>A write that must succeed; returns the case it answers with.</summary>
    public async Task<JsonNode> OkAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<HttpResponseMessage> AdvanceAsync() => PostAsync("/advance");

    /// <summary>The current stage and what stops it moving on, as the case now stands.</summary>
    public async Task<(string Stage, List<string> Unmet)> ProgressAsync()
    {
        var progress = (await GetAsync())["progress"]!;
        return ((string)progress["stage"]!, [.. progress["unmetGates"]!.AsArray().Select(u => (string)u!["code"]!)]);
    }

    /// <summary>Meets every gate and moves on, stage by stage, until the case is in <paramref name="stageId"/>.</summary>
    public async Task AdvanceToAsync(string stageId)
    {
        for (var round = 0; round < 12; round++)
        {
            var current = await GetAsync();
            if ((string)current["progress"]!["stage"]! == stageId)
            {
                return;
            }
            foreach (var code in current["progress"]!["unmetGates"]!.AsArray().Select(u => (string)u!["code"]!))
            {
                await MeetAsync(current, code);
            }
            await OkAsync(HttpMethod.Post, "/advance");
        }
        Assert.Fail($"The case never reached stage '{stageId}'.");
    }

    /// <summary>Does what an agent would do to meet one unmet gate: the step or condition its code names.</summary>
    public async Task MeetAsync(JsonNode current, string code)
    {
        var state = await GetAsync();
        if (code.StartsWith("step:", StringComparison.Ordinal))
        {
            var stepId = code["step:".Length..];
            var step = current["progress"]!["stages"]!.AsArray().Single(s => (string)s!["state"]! == "current")!["steps"]!.AsArray()
                .Single(s => (string)s!["id"]! == stepId)!;
            if ((string)step["completion"]! == "manual")
            {
                var done = await OkAsync(HttpMethod.Post, $"/steps/{stepId}/complete", new JsonObject { ["note"] = "Done in the walk" });
                Assert.Equal("step_completed", (string)done["timeline"]!.AsArray()[^1]!["kind"]!);
                var again = await PostAsync($"/steps/{stepId}/complete");
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
                return;
            }
            var automatic = await PostAsync($"/steps/{stepId}/complete");
            Assert.Equal(HttpStatusCode.Conflict, automatic.StatusCode);
            Assert.Contains("completes itself", (string)(await automatic.ReadJsonAsync())["detail"]!);
            code = (string)step["completion"]!;
        }

        switch (code)
        {
            case "problem_statement_recorded":
                await StateProblemAsync(state);
                break;
            case "problem_statement_confirmed":
                await StateProblemAsync(state);
                if (state["specify"]!["confirmedAt"] is null)
                {
                    await OkAsync(HttpMethod.Post, "/problem-statement/confirmation", new JsonObject { ["via"] = "phone" });
                }
                break;
            case "customer_said_everything":
                if (state["specify"]!["allSaidAt"] is null)
                {
                    await OkAsync(HttpMethod.Post, "/all-said", new JsonObject { ["via"] = "phone" });
                }
                break;
            case "owner_assigned":
                if (state["owner"] is null)
                {
                    await OkAsync(HttpMethod.Post, "/owner", new JsonObject { ["owner"] = RedressApp.AdminEmail });
                }
                break;
            case "reply_sent":
                if (state["sla"]!["firstRespondedAt"] is null)
                {
                    var reply = await PostAsync("/messages", new JsonObject { ["body"] = "Thank you for telling us, and I am sorry. I will call you today." });
                    Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
                }
                break;
            case "action_plan_set":
            case "action_plan_done":
                await OkAsync(HttpMethod.Put, "/action-plan", new JsonObject
                {
                    ["actions"] = new JsonArray(new JsonObject
                    {
                        ["description"] = "Send the replacement by courier",
                        ["owner"] = RedressApp.AdminEmail,
                        ["dueAt"] = DateTime.UtcNow.AddDays(1).ToString("O"),
                        ["done"] = code == "action_plan_done",
                    }),
                });
                break;
            case "remedy_agreed":
                await OkAsync(HttpMethod.Post, "/remedy", new JsonObject { ["remedy"] = "A replacement vase, sent today", ["via"] = "phone" });
                break;
            case "follow_up_done":
                await OkAsync(HttpMethod.Post, "/follow-ups", new JsonObject { ["reached"] = true, ["note"] = "They have it" });
                break;
            case "survey_answered":
            case "satisfaction_verified":
            case "satisfaction_verified_or_follow_ups":
                if (state["verify"]!["satisfied"] is null)
                {
                    await OkAsync(HttpMethod.Post, "/satisfaction", new JsonObject { ["satisfied"] = true, ["rating"] = 5, ["via"] = "phone" });
                }
                break;
            default:
                Assert.Fail($"The walk does not know how to meet '{code}'.");
                break;
        }
    }

    private async Task StateProblemAsync(JsonNode state)
    {
        if (state["specify"]!["problemStatement"] is null)
        {
            await OkAsync(HttpMethod.Put, "/problem-statement", new JsonObject { ["statement"] = "The vase arrived broken because the box was crushed in transit." });
        }
    }

    public static JsonArray Codes(JsonNode? unmet) => new([.. unmet!.AsArray().Select(u => (JsonNode)JsonValue.Create((string)u!["code"]!))]);
}
