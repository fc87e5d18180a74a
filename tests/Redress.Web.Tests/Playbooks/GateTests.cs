using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Playbooks;

/// <summary>
/// The gates the seeds demand, each refusing through the API with 409 and what is missing, on a S.E.R.V. case
/// (the default playbook). Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class GateTests(AppFixture fixture)
{
    private RedressApp App => fixture.App;

    private async Task<CaseClient> NewCaseAsync()
    {
        var @case = new CaseClient(App.Api(), await App.Api().FileReferenceAsync());
        Assert.Equal("serv", (string)(await @case.GetAsync())["playbook"]!["id"]!);
        return @case;
    }

    [Fact]
    public async Task No_remedy_is_recorded_before_the_customer_confirmed_the_problem_statement()
    {
        var @case = await NewCaseAsync();
        await @case.OkAsync(HttpMethod.Put, "/problem-statement", new JsonObject { ["statement"] = "The vase arrived broken." });

        var refused = await @case.PostAsync("/remedy", new JsonObject { ["remedy"] = "A refund", ["via"] = "phone" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("confirmed the problem statement", (string)(await refused.ReadJsonAsync())["detail"]!);
        Assert.Null((await @case.GetAsync())["remedy"]);

        await @case.OkAsync(HttpMethod.Post, "/problem-statement/confirmation", new JsonObject { ["via"] = "phone" });
        var agreed = await @case.OkAsync(HttpMethod.Post, "/remedy", new JsonObject { ["remedy"] = "A replacement vase", ["via"] = "phone" });
        Assert.Equal("A replacement vase", (string)agreed["remedy"]!["agreed"]!);
    }

    [Fact]
    public async Task Specify_cannot_be_left_until_the_customer_confirmed_the_problem_statement()
    {
        var @case = await NewCaseAsync();
        await @case.OkAsync(HttpMethod.Post, "/steps/know-the-facts/complete");
        await @case.OkAsync(HttpMethod.Post, "/all-said", new JsonObject { ["via"] = "phone" });
        await @case.OkAsync(HttpMethod.Put, "/problem-statement", new JsonObject { ["statement"] = "The vase arrived broken." });

        var refused = await @case.AdvanceAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        var gate = Assert.Single(problem["unmetGates"]!.AsArray());
        Assert.Equal("step:customer-confirms", (string)gate!["code"]!);
        Assert.Contains("Specify", (string)problem["detail"]!);
        Assert.Equal("specify", (await @case.ProgressAsync()).Stage);
    }

    [Fact]
    public async Task Rewriting_the_problem_statement_withdraws_the_confirmation_and_closes_the_gate_again()
    {
        var @case = await NewCaseAsync();
        await @case.OkAsync(HttpMethod.Put, "/problem-statement", new JsonObject { ["statement"] = "The vase arrived broken." });
        await @case.OkAsync(HttpMethod.Post, "/problem-statement/confirmation", new JsonObject { ["via"] = "email" });
        Assert.DoesNotContain("step:customer-confirms", (await @case.ProgressAsync()).Unmet);

        var rewritten = await @case.OkAsync(HttpMethod.Put, "/problem-statement", new JsonObject { ["statement"] = "The vase and the lamp arrived broken." });

        Assert.Null(rewritten["specify"]!["confirmedAt"]);
        Assert.Contains("step:customer-confirms", (await @case.ProgressAsync()).Unmet);
    }

    [Fact]
    public async Task The_case_cannot_close_until_satisfaction_is_verified_or_enough_follow_ups_are_recorded()
    {
        var @case = await NewCaseAsync();
        await @case.AdvanceToAsync("verify");
        var current = await @case.GetAsync();
        await @case.MeetAsync(current, "action_plan_set");
        await @case.OkAsync(HttpMethod.Post, "/steps/value-their-business/complete");
        Assert.Equal(["step:customer-satisfied"], (await @case.ProgressAsync()).Unmet);

        await @case.OkAsync(HttpMethod.Post, "/satisfaction", new JsonObject { ["satisfied"] = false, ["rating"] = 2, ["via"] = "phone" });
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await @case.AdvanceAsync();
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.NotEqual("closed", (string)(await @case.GetAsync())["status"]!);
            await @case.OkAsync(HttpMethod.Post, "/follow-ups", new JsonObject { ["reached"] = false, ["note"] = $"No answer, attempt {attempt}" });
        }

        var closed = await @case.OkAsync(HttpMethod.Post, "/advance");
        Assert.Equal("closed", (string)closed["status"]!);
        Assert.Equal(3, (int)closed["verify"]!["followUpAttempts"]!);
    }

    [Fact]
    public async Task An_owner_who_handed_the_case_over_circles_back_before_it_closes()
    {
        var agent = await App.CreateStaffAsync("Agent", "Sam Carter");
        var @case = await NewCaseAsync();
        await @case.OkAsync(HttpMethod.Post, "/owner", new JsonObject { ["owner"] = RedressApp.AdminEmail });
        await @case.OkAsync(HttpMethod.Post, "/owner", new JsonObject { ["owner"] = agent.Email });
        var handedOver = await @case.GetAsync();
        Assert.Null(Assert.Single(handedOver["verify"]!["circleBack"]!.AsArray())!["circledBackAt"]);

        var asAgent = new CaseClient(App.Api(agent.Token), @case.Reference);
        await asAgent.AdvanceToAsync("verify");
        var current = await asAgent.GetAsync();
        await asAgent.MeetAsync(current, "action_plan_set");
        await asAgent.MeetAsync(current, "satisfaction_verified");
        await asAgent.OkAsync(HttpMethod.Post, "/steps/value-their-business/complete");
        await asAgent.OkAsync(HttpMethod.Post, "/follow-ups", new JsonObject { ["reached"] = true });

        var refused = await asAgent.AdvanceAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var gate = Assert.Single((await refused.ReadJsonAsync())["unmetGates"]!.AsArray())!;
        Assert.Equal("handoffs_circled_back", (string)gate["code"]!);
        Assert.Contains("handed the case over", (string)gate["message"]!);

        await @case.GetAsync();
        await @case.OkAsync(HttpMethod.Post, "/follow-ups", new JsonObject { ["reached"] = true, ["note"] = "Checked in after the hand-off" });
        await asAgent.GetAsync();
        Assert.Equal("closed", (string)(await asAgent.OkAsync(HttpMethod.Post, "/advance"))["status"]!);
    }

    [Fact]
    public async Task The_action_plan_is_kept_most_immediate_first_and_goes_to_the_customer_in_an_update()
    {
        var @case = await NewCaseAsync();
        var planned = await @case.OkAsync(HttpMethod.Put, "/action-plan", new JsonObject
        {
            ["actions"] = new JsonArray(
                new JsonObject { ["description"] = "Call to check it arrived", ["owner"] = RedressApp.AdminEmail, ["dueAt"] = DateTime.UtcNow.AddDays(3).ToString("O") },
                new JsonObject { ["description"] = "Send a new vase by courier", ["owner"] = RedressApp.AdminEmail, ["dueAt"] = DateTime.UtcNow.AddHours(4).ToString("O") }),
        });
        Assert.Equal(["Send a new vase by courier", "Call to check it arrived"], planned["actionPlan"]!.AsArray().Select(a => (string)a!["description"]!));

        var reply = await @case.PostAsync("/messages", new JsonObject { ["body"] = "I am sorry. Here is what happens now.", ["includeActionPlan"] = true });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var body = (string)(await reply.ReadJsonAsync())["body"]!;
        Assert.Contains("What we are doing for you:\n1. Send a new vase by courier", body);
        Assert.Contains("2. Call to check it arrived", body);
    }

    [Fact]
    public async Task Moving_on_from_a_stale_version_is_refused_with_412()
    {
        var @case = await NewCaseAsync();
        var seen = @case.ETag!;
        await @case.OkAsync(HttpMethod.Post, "/steps/know-the-facts/complete");

        var stale = await @case.SendAsync(HttpMethod.Post, "/advance", ifMatch: seen);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task Steps_and_stages_of_an_unknown_case_are_404()
    {
        var client = App.Api();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/complaints/RD-2026-999999/advance", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/complaints/RD-2026-999999/steps/know-the-facts/complete", null)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_step_is_refused_naming_it()
    {
        var @case = await NewCaseAsync();

        var refused = await @case.PostAsync("/steps/no-such-step/complete");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("no-such-step", (string)(await refused.ReadJsonAsync())["detail"]!);
    }

    [Fact]
    public async Task Bad_bodies_name_the_field()
    {
        var @case = await NewCaseAsync();

        var noVia = await @case.PostAsync("/problem-statement/confirmation", new JsonObject { ["via"] = "telepathy" });
        var tooMany = await @case.PutAsync("/action-plan", new JsonObject
        {
            ["actions"] = new JsonArray([.. Enumerable.Range(1, 4).Select(i => (JsonNode)new JsonObject
            {
                ["description"] = $"Action {i}", ["owner"] = RedressApp.AdminEmail, ["dueAt"] = DateTime.UtcNow.AddDays(i).ToString("O"),
            })]),
        });
        var noOwner = await @case.PutAsync("/action-plan", new JsonObject
        {
            ["actions"] = new JsonArray(new JsonObject { ["description"] = "Call back", ["owner"] = "nobody@nowhere.test", ["dueAt"] = DateTime.UtcNow.AddDays(1).ToString("O") }),
        });
        var badJson = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/complaints/{@case.Reference}/problem-statement")
        {
            Content = new StringContent("{\"statement\": ", System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };

        Assert.Equal(HttpStatusCode.BadRequest, noVia.StatusCode);
        Assert.NotNull((await noVia.ReadJsonAsync())["errors"]!["via"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.NotNull((await tooMany.ReadJsonAsync())["errors"]!["actions"]);
        Assert.Equal(HttpStatusCode.BadRequest, noOwner.StatusCode);
        Assert.Contains("nobody@nowhere.test", (string)(await noOwner.ReadJsonAsync())["errors"]!["actions[0].owner"]![0]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await @case.Client.SendAsync(badJson)).StatusCode);
        Assert.Empty((await @case.GetAsync())["actionPlan"]!.AsArray());
    }
}

public sealed class SqliteGateTests(SqliteApp fixture) : GateTests(fixture), IClassFixture<SqliteApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGateTests(PostgresApp fixture) : GateTests(fixture), IClassFixture<PostgresApp>;
