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
                await @case.MeetAsync(current, code);
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
}

public sealed class SqlitePlaybookWalkTests(SqliteApp fixture) : PlaybookWalkTests(fixture), IClassFixture<SqliteApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlaybookWalkTests(PostgresApp fixture) : PlaybookWalkTests(fixture), IClassFixture<PostgresApp>;
