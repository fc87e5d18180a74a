using System.Net;
using System.Text.Json.Nodes;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Pages;

public sealed class DemoApp : AppFixture
{
    protected override Task<RedressApp> CreateAppAsync() => Task.FromResult(
        new RedressApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Redress:SeedDemo"] = "true" }));
}

/// <summary>The quick start's first run: real complaint texts in the queue and demo staff who can sign in.</summary>
public sealed class DemoDataTests(DemoApp fixture) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_first_run_fills_the_queue_with_real_complaints_some_already_answered()
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await fixture.App.Api().GetAsync("/api/v1/complaints?status=all&limit=100" + (cursor is null ? "" : $"&cursor={cursor}"))).ReadJsonAsync();
            all.AddRange(page["items"]!.AsArray()!);
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        Assert.Equal(121, all.Count);
        Assert.Contains(all, c => (string)c["status"]! == "in_progress");
        Assert.Contains(all, c => (string)c["priority"]! == "urgent");
        Assert.Equal("urgent", (string)all[0]["priority"]!);
        // Some customers rang back after the first reply; the angriest calls raised their cases.
        var answered = await Task.WhenAll(all.Where(c => (string)c["status"]! == "in_progress")
            .Select(async c => await (await fixture.App.Api().GetAsync($"/api/v1/complaints/{(string)c["reference"]!}")).ReadJsonAsync()));
        var rangBack = answered.Where(c => c["messages"]!.AsArray().Any(m => (string)m!["direction"]! == "inbound")).ToList();
        Assert.NotEmpty(rangBack);
        var raised = rangBack.Where(c => c["timeline"]!.AsArray().Any(e => ((string)e!["summary"]!).Contains("priority raised", StringComparison.Ordinal)))
            .Select(c => (string)c["reference"]!).ToHashSet();
        Assert.Contains(rangBack, c => raised.Contains((string)c["reference"]!) && c["tone"]!["signals"]!.AsArray().Any(s => (string)s! == "threat_to_go_public"));

        // Rules pick the method at intake: urgent cases are de-escalated, phone calls get the seven strategies, the rest
        // S.E.R.V. A case raised later keeps its method until an agent switches it.
        Assert.All(all.Where(c => (string)c["priority"]! == "urgent" && !raised.Contains((string)c["reference"]!)),
            c => Assert.Equal("de-escalation", (string)c["playbook"]!));
        Assert.Equal(["de-escalation", "serv", "service-recovery-7"], all.Select(c => (string)c["playbook"]!).Distinct().Order());
        Assert.Contains(all, c => (string)c["playbook"]! == "serv" && (string)c["stage"]! == "evaluate");
    }

    [Fact]
    public async Task A_demo_agent_signs_in_with_the_printed_password_and_sees_the_queue()
    {
        var agent = fixture.App.Browser();
        await agent.SignInAsync("agent@redress.local", RedressApp.AdminPassword);

        var queue = await agent.GetAsync("/queue");

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("queue-item", await queue.Content.ReadAsStringAsync());
    }
}
