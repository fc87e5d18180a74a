using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Playbooks;

/// <summary>Admins add and edit playbooks from YAML; versions; which playbook a new complaint gets. SQLite and PostgreSQL.</summary>
public abstract class PlaybookLibraryTests(AppFixture fixture)
{
    private RedressApp App => fixture.App;

    /// <summary>A sixth playbook for one category of complaint; ids and categories are unique per test.</summary>
    private static string Yaml(string id, string category, string firstStageTitle = "Hear them out") => $$"""
        id: {{id}}
        name: Warranty desk {{id}}
        summary: How the warranty team handles a complaint.
        applies_to:
          categories: [{{category}}]
        follow_up_attempts: 2
        stages:
          - id: hear
            title: {{firstStageTitle}}
            steps:
              - id: restate
                title: Restate the problem
                guidance: Write the problem statement and read it back.
                completion: problem_statement_confirmed
          - id: put-right
            title: Put it right
            steps:
              - id: agree
                title: Agree the remedy
                guidance: Ask what they would like, offer, agree.
                completion: remedy_agreed
              - id: check-back
                title: Check back
                guidance: Call to make sure it worked.
                completion: follow_up_done
        """;

    private static string NewId() => "warranty-" + Guid.NewGuid().ToString("N")[..8];

    private Task<HttpResponseMessage> SaveAsync(string yaml, string? id = null, string? token = RedressApp.AdminToken, string mediaType = "application/yaml")
    {
        var content = new StringContent(yaml, Encoding.UTF8, mediaType);
        return id is null ? App.Api(token).PostAsync("/api/v1/playbooks", content) : App.Api(token).PutAsync($"/api/v1/playbooks/{id}", content);
    }

    private async Task<JsonNode> FileAsync(string category, string channel = "web", string? marker = null)
    {
        var body = Json.Complaint(marker);
        body["category"] = category;
        body["channel"] = channel;
        var created = await App.Api().FileAsync(body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.ReadJsonAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_sixth_playbook_and_new_complaints_in_its_category_follow_it_to_the_end()
    {
        var (id, category) = (NewId(), "warranty-" + Json.UniqueWord());

        var saved = await SaveAsync(Yaml(id, category));

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal($"/api/v1/playbooks/{id}?version=1", saved.Headers.Location!.OriginalString);
        var list = (await (await App.Api().GetAsync("/api/v1/playbooks")).ReadJsonAsync()).AsArray();
        Assert.True(list.Count >= 6);
        Assert.False((bool)list.Single(p => (string)p!["id"]! == id)!["builtIn"]!);

        var filed = await FileAsync(category);
        Assert.Equal(id, (string)filed["playbook"]!);
        Assert.Equal("hear", (string)filed["stage"]!);
        Assert.Equal("serv", (string)(await FileAsync("other-" + category))["playbook"]!);
        Assert.Equal(id, (string)(await FileAsync(category, channel: "phone"))["playbook"]!); // a category rule beats the built-in channel rule

        var @case = new CaseClient(App.Api(), (string)filed["reference"]!);
        await @case.AdvanceToAsync("put-right");
        var current = await @case.GetAsync();
        foreach (var code in current["progress"]!["unmetGates"]!.AsArray().Select(u => (string)u!["code"]!).Where(c => c.StartsWith("step:", StringComparison.Ordinal)))
        {
            await @case.MeetAsync(current, code);
        }
        var refused = await @case.AdvanceAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode); // one follow-up is not satisfaction, and two are needed
        await @case.OkAsync(HttpMethod.Post, "/satisfaction", new JsonObject { ["satisfied"] = true, ["via"] = "phone" });
        Assert.Equal("closed", (string)(await @case.OkAsync(HttpMethod.Post, "/advance"))["status"]!);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_line_column_and_reason_and_nothing_is_saved()
    {
        var id = NewId();
        var yaml = Yaml(id, "warranty").Replace("completion: remedy_agreed", "completion: remedy_agread", StringComparison.Ordinal);

        var refused = await SaveAsync(yaml);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        var mistake = Assert.Single(problem["problems"]!.AsArray())!;
        Assert.Equal(21, (int)mistake["line"]!);
        Assert.Equal(21, (int)mistake["column"]!);
        Assert.Contains("'remedy_agread' is not a condition", (string)mistake["message"]!);
        Assert.Contains("line 21, column 21", (string)problem["detail"]!);
        Assert.NotNull(problem["errors"]!["stages[1].steps[0].completion"]);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api().GetAsync($"/api/v1/playbooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Broken_yaml_an_empty_file_and_the_wrong_media_type_are_refused()
    {
        var broken = await SaveAsync("id: x\nstages: [unclosed\n");
        var empty = await SaveAsync("");
        var json = await SaveAsync("{}", mediaType: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("not valid YAML", (string)(await broken.ReadJsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty", (string)(await empty.ReadJsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task Editing_makes_a_new_version_and_a_case_keeps_the_version_it_started_with()
    {
        var (id, category) = (NewId(), "warranty-" + Json.UniqueWord());
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(Yaml(id, category))).StatusCode);
        var early = (string)(await FileAsync(category))["reference"]!;

        var edited = await SaveAsync(Yaml(id, category, firstStageTitle: "Listen first"), id);

        Assert.Equal(HttpStatusCode.Created, edited.StatusCode);
        Assert.Equal(2, (int)(await edited.ReadJsonAsync())["version"]!);
        var earlyCase = await new CaseClient(App.Api(), early).GetAsync();
        Assert.Equal(1, (int)earlyCase["playbook"]!["version"]!);
        Assert.Equal("Hear them out", (string)earlyCase["progress"]!["stageTitle"]!);
        var late = await new CaseClient(App.Api(), (string)(await FileAsync(category))["reference"]!).GetAsync();
        Assert.Equal(2, (int)late["playbook"]!["version"]!);
        Assert.Equal("Listen first", (string)late["progress"]!["stageTitle"]!);

        var latest = await (await App.Api().GetAsync($"/api/v1/playbooks/{id}")).ReadJsonAsync();
        Assert.Equal([2, 1], latest["versions"]!.AsArray().Select(v => (int)v!));
        var first = await (await App.Api().GetAsync($"/api/v1/playbooks/{id}?version=1")).ReadJsonAsync();
        Assert.Equal("Hear them out", (string)first["stages"]![0]!["title"]!);
        Assert.Equal(Yaml(id, category), (string)first["yaml"]!);
    }

    [Fact]
    public async Task Saving_the_same_text_again_makes_no_new_version_and_an_edit_must_keep_the_id()
    {
        var id = NewId();
        await SaveAsync(Yaml(id, "warranty"));

        var again = await SaveAsync(Yaml(id, "warranty"));
        var renamed = await SaveAsync(Yaml(NewId(), "warranty"), id);
        var unknown = await SaveAsync(Yaml(id, "warranty"), "no-such-playbook");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (int)(await again.ReadJsonAsync())["version"]!);
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains($"you are editing '{id}'", (string)(await renamed.ReadJsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Agents_read_playbooks_but_only_admins_save_them()
    {
        var agent = await App.CreateStaffAsync("Agent");
        var supervisor = await App.CreateStaffAsync("Supervisor");

        Assert.Equal(HttpStatusCode.OK, (await App.Api(agent.Token).GetAsync("/api/v1/playbooks/serv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(Yaml(NewId(), "warranty"), token: agent.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(Yaml(NewId(), "warranty"), token: supervisor.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(Yaml("serv", "warranty"), "serv", token: agent.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SaveAsync(Yaml(NewId(), "warranty"), token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Api(token: null).GetAsync("/api/v1/playbooks")).StatusCode);
    }

    [Fact]
    public async Task Built_in_rules_send_phone_complaints_to_service_recovery_and_the_rest_to_the_default()
    {
        Assert.Equal("service-recovery-7", (string)(await FileAsync("delivery", channel: "phone"))["playbook"]!);
        Assert.Equal("serv", (string)(await FileAsync("delivery", channel: "email"))["playbook"]!);
        Assert.Equal("specify", (string)(await FileAsync("delivery", channel: "email"))["stage"]!);

        var word = Json.UniqueWord();
        await FileAsync("delivery", channel: "phone", marker: word);
        var item = Assert.Single((await (await App.Api().GetAsync($"/api/v1/complaints?q={word}")).ReadJsonAsync())["items"]!.AsArray())!;
        Assert.Equal("service-recovery-7", (string)item["playbook"]!);
        Assert.Equal("apologise", (string)item["stage"]!);
    }

    [Fact]
    public async Task Switching_a_cases_playbook_needs_a_known_playbook_and_a_reason_and_goes_on_the_timeline()
    {
        var @case = new CaseClient(App.Api(), await App.Api().FileReferenceAsync());
        await @case.GetAsync();

        var noReason = await @case.PostAsync("/playbook", new JsonObject { ["playbook"] = "de-escalation" });
        var unknown = await @case.PostAsync("/playbook", new JsonObject { ["playbook"] = "no-such-playbook", ["reason"] = "Testing" });
        var switched = await @case.OkAsync(HttpMethod.Post, "/playbook", new JsonObject { ["playbook"] = "de-escalation", ["reason"] = "The customer is shouting" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadJsonAsync())["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no-such-playbook", (await unknown.Content.ReadAsStringAsync()));
        Assert.Equal("de-escalation", (string)switched["playbook"]!["id"]!);
        Assert.Equal("listen", (string)switched["progress"]!["stage"]!);
        var entry = switched["timeline"]!.AsArray()[^1]!;
        Assert.Equal("playbook_switched", (string)entry["kind"]!);
        Assert.Contains("The customer is shouting", (string)entry["summary"]!);
    }
}

public sealed class SqlitePlaybookLibraryTests(SqliteApp fixture) : PlaybookLibraryTests(fixture), IClassFixture<SqliteApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlaybookLibraryTests(PostgresApp fixture) : PlaybookLibraryTests(fixture), IClassFixture<PostgresApp>;
