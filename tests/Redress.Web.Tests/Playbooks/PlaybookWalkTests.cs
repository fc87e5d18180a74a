using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Playbooks;

/// <summary>
/// Each built-in method walked from intake to close through the API, only in the order it allows: at every stage the
/// case is first refused (409 naming what is missing), then the missing things are done, then it moves on.
/// Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class PlaybookWalkTests(AppFixture fixture)
{
    private RedressApp App => fixture.App;

    public static TheoryData<string, string[]> BuiltIns => new()
    {
        { "serv", ["specify", "evaluate", "remedy", "verify"] },
        { "personal-touch", ["listen", "own-it", "resolve", "follow-through"] },
        { "facing-the-music", ["listen", "pinpoint", "resolve", "follow-up"] },
        { "de-escalation", ["listen", "thank", "propose", "part-well"] },
        { "service-recovery-7", ["apologise", "acknowledge", "fix", "circle-back"] },
    };

    [Fact]
    public async Task The_five_built_in_playbooks_are_listed_with_their_stages()
    {
        var list = (await (await App.Api().GetAsync("/api/v1/playbooks")).ReadJsonAsync()).AsArray();

        var ids = list.Select(p => (string)p!["id"]!).ToList();
        foreach (var (id, stages) in BuiltIns.Select(row => ((string)row[0], (string[])row[1])))
        {
            Assert.Contains(id, ids);
            var playbook = list.Single(p => (string)p!["id"]! == id)!;
            Assert.Equal(stages, playbook["stages"]!.AsArray().Select(s => (string)s!["id"]!));
            Assert.True((bool)playbook["builtIn"]!);
        }
        Assert.True((bool)list.Single(p => (string)p!["id"]! == "serv")!["isDefault"]!);
    }

    [Fact]
    public async Task Every_built_in_step_says_which_seed_file_and_step_it_comes_from()
    {
        foreach (var id in BuiltIns.Select(row => (string)row[0]))
        {
            var playbook = await (await App.Api().GetAsync($"/api/v1/playbooks/{id}")).ReadJsonAsync();
            foreach (var step in playbook["stages"]!.AsArray().SelectMany(s => s!["steps"]!.AsArray()))
            {
                Assert.Matches(@"^00[0-4]_[0-9a-f]{16}\.txt$", (string)step!["source"]!["file"]!);
                Assert.False(string.IsNullOrWhiteSpace((string)step["source"]!["step"]!));
                Assert.False(string.IsNullOrWhiteSpace((string)step["guidance"]!));
            }
        }
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public async Task A_case_walks_from_intake_to_close_only_in_the_order_its_method_allows(string playbookId, string[] expectedStages)
    {
        var @case = new CaseClient(App.Api(), await App.Api().FileReferenceAsync());
        var start = await @case.GetAsync();
        if ((string)start["playbook"]!["id"]! != playbookId)
        {
            await @case.OkAsync(HttpMethod.Post, "/playbook", new JsonObject { ["playbook"] = playbookId, ["reason"] = "Walking this method in a test" });
        }

        var visited = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var current = await @case.GetAsync();
            Assert.Equal(playbookId, (string)current["playbook"]!["id"]!);
            var stage = (string)current["progress"]!["stage"]!;
            visited.Add(stage);

            // A step of a later stage cannot be done yet.
            var later = current["progress"]!["stages"]!.AsArray().FirstOrDefault(s => (string)s!["state"]! == "upcoming")?["steps"]!.AsArray()
                .FirstOrDefault(s => (string)s!["completion"]! == "manual");
            if (later is not null)
            {
                var early = await @case.PostAsync($"/steps/{(string)later["id"]!}/complete");
                Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
                Assert.Contains("Finish", (string)(await early.ReadJsonAsync())["detail"]!);
            }

            // Moving on before the stage is done is refused, naming everything missing.
            var unmet = current["progress"]!["unmetGates"]!.AsArray();
            Assert.NotEmpty(unmet); // every stage of every built-in asks for something
            var refused = await @case.AdvanceAsync();
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.ReadJsonAsync();
            Assert.Equal(CaseClient.Codes(unmet).ToJsonString(), CaseClient.Codes(problem["unmetGates"]).ToJsonString());
            Assert.Equal(stage, (string)(await @case.GetAsync())["progress"]!["stage"]!);

            foreach (var code in unmet.Select(u => (string)u!["code"]!))
            {
                await SatisfyAsync(@case, current, code);
            }

            var moved = await @case.OkAsync(HttpMethod.Post, "/advance");
            if ((string)moved["status"]! == "closed")
            {
                Assert.NotNull(moved["closedAt"]);
                Assert.Equal("closed", (string)moved["timeline"]!.AsArray()[^1]!["kind"]!);
                break;
            }
            Assert.NotEqual(stage, (string)moved["progress"]!["stage"]!);
            Assert.Equal("stage_changed", (string)moved["timeline"]!.AsArray()[^1]!["kind"]!);
        }

        Assert.Equal(expectedStages, visited);
        var closed = await @case.GetAsync();
        Assert.Equal("closed", (string)closed["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await @case.AdvanceAsync()).StatusCode);
    }

    /// <summary>Does what an agent would do to meet one gate: the step or condition the code names.</summary>
    private static async Task SatisfyAsync(CaseClient @case, JsonNode current, string code)
    {
        var state = await @case.GetAsync();
        if (code.StartsWith("step:", StringComparison.Ordinal))
        {
            var stepId = code["step:".Length..];
            var step = current["progress"]!["stages"]!.AsArray().Single(s => (string)s!["state"]! == "current")!["steps"]!.AsArray()
                .Single(s => (string)s!["id"]! == stepId)!;
            if ((string)step["completion"]! == "manual")
            {
                var done = await @case.OkAsync(HttpMethod.Post, $"/steps/{stepId}/complete", new JsonObject { ["note"] = "Done in the walk" });
                Assert.Equal("step_completed", (string)done["timeline"]!.AsArray()[^1]!["kind"]!);
                var again = await @case.PostAsync($"/steps/{stepId}/complete");
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
                return;
            }
            var automatic = await @case.PostAsync($"/steps/{stepId}/complete");
            Assert.Equal(HttpStatusCode.Conflict, automatic.StatusCode);
            Assert.Contains("completes itself", (string)(await automatic.ReadJsonAsync())["detail"]!);
            code = (string)step["completion"]!;
        }

        switch (code)
        {
            case "problem_statement_recorded":
                await StateAsync(@case, state);
                break;
            case "problem_statement_confirmed":
                await StateAsync(@case, state);
                if (state["specify"]!["confirmedAt"] is null)
                {
                    await @case.OkAsync(HttpMethod.Post, "/problem-statement/confirmation", new JsonObject { ["via"] = "phone" });
                }
                break;
            case "customer_said_everything":
                if (state["specify"]!["allSaidAt"] is null)
                {
                    await @case.OkAsync(HttpMethod.Post, "/all-said", new JsonObject { ["via"] = "phone" });
                }
                break;
            case "owner_assigned":
                if (state["owner"] is null)
                {
                    await @case.OkAsync(HttpMethod.Post, "/owner", new JsonObject { ["owner"] = RedressApp.AdminEmail });
                }
                break;
            case "reply_sent":
                if (state["sla"]!["firstRespondedAt"] is null)
                {
                    var reply = await @case.PostAsync("/messages", new JsonObject { ["body"] = "Thank you for telling us, and I am sorry. I will call you today." });
                    Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
                }
                break;
            case "action_plan_set":
            case "action_plan_done":
                await @case.OkAsync(HttpMethod.Put, "/action-plan", new JsonObject
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
                await @case.OkAsync(HttpMethod.Post, "/remedy", new JsonObject { ["remedy"] = "A replacement vase, sent today", ["via"] = "phone" });
                break;
            case "follow_up_done":
                await @case.OkAsync(HttpMethod.Post, "/follow-ups", new JsonObject { ["reached"] = true, ["note"] = "They have it" });
                break;
            case "survey_answered":
            case "satisfaction_verified":
            case "satisfaction_verified_or_follow_ups":
                if (state["verify"]!["satisfied"] is null)
                {
                    await @case.OkAsync(HttpMethod.Post, "/satisfaction", new JsonObject { ["satisfied"] = true, ["rating"] = 5, ["via"] = "phone" });
                }
                break;
            default:
                Assert.Fail($"The walk does not know how to meet '{code}'.");
                break;
        }
    }

    private static async Task StateAsync(CaseClient @case, JsonNode state)
    {
        if (state["specify"]!["problemStatement"] is null)
        {
            await @case.OkAsync(HttpMethod.Put, "/problem-statement", new JsonObject { ["statement"] = "The vase arrived broken because the box was crushed in transit." });
        }
    }
}

public sealed class SqlitePlaybookWalkTests(SqliteApp fixture) : PlaybookWalkTests(fixture), IClassFixture<SqliteApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlaybookWalkTests(PostgresApp fixture) : PlaybookWalkTests(fixture), IClassFixture<PostgresApp>;
