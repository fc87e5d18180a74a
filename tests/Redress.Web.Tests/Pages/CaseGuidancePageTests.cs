using System.Net;
using System.Net.Http.Headers;
using Redress.Web.Identity;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Pages;

/// <summary>The guided checklist and the playbook pages work as plain form posts, without JavaScript.</summary>
public sealed class CaseGuidancePageTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private RedressApp App => fixture.App;

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var (_, email, _) = await App.CreateStaffAsync(role, "Alex Morgan");
        var client = App.Browser();
        await client.SignInAsync(email, RedressApp.StaffPassword);
        return client;
    }

    [Fact]
    public async Task A_manual_step_is_ticked_off_with_one_post_and_goes_on_the_timeline()
    {
        var reference = await App.Api().FileReferenceAsync();
        var agent = await SignedInAsync(Roles.Agent);

        var response = await agent.PostFormAsync($"/cases/{reference}?handler=Step", new Dictionary<string, string> { ["stepId"] = "know-the-facts" },
            tokenFrom: $"/cases/{reference}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await agent.GetStringAsync($"/cases/{reference}");
        Assert.Contains("Alex Morgan completed &#x27;Know the facts&#x27;", page);
        Assert.Contains("1 of 4 required steps done", page);
    }

    [Fact]
    public async Task What_a_customer_said_on_the_phone_is_recorded_from_the_case_page_with_how_it_reads()
    {
        var reference = await App.Api().FileReferenceAsync();
        var agent = await SignedInAsync(Roles.Agent);

        var missingVia = await agent.PostFormAsync($"/cases/{reference}?handler=Inbound", new Dictionary<string, string> { ["said"] = "Hello?" },
            tokenFrom: $"/cases/{reference}");
        var response = await agent.PostFormAsync($"/cases/{reference}?handler=Inbound",
            new Dictionary<string, string> { ["said"] = "This is a JOKE. I'll be telling everyone on Twitter how you treat people.", ["via"] = "phone" },
            tokenFrom: $"/cases/{reference}");

        Assert.Equal(HttpStatusCode.BadRequest, missingVia.StatusCode);
        Assert.Contains("Say how the customer told you", await missingVia.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await agent.GetStringAsync($"/cases/{reference}");
        Assert.Contains("got in touch by phone, recorded by Alex Morgan", page);
        Assert.Contains("This is a JOKE.", page);
        Assert.Contains("data-testid=\"message-tone\"", page);
        Assert.Contains("threatens to go public", page);
        Assert.Contains("Their latest message reads angry", page);
    }

    [Fact]
    public async Task A_volatile_customer_on_another_playbook_is_offered_the_de_escalation_plan_in_one_click()
    {
        var body = Json.Complaint();
        body["description"] = "Nobody has answered in a week. If I don't hear today I'm posting about this on social media.";
        var reference = await App.Api().FileReferenceAsync(body);
        var calm = await App.Api().FileReferenceAsync();
        var agent = await SignedInAsync(Roles.Agent);

        var page = await agent.GetStringAsync($"/cases/{reference}");
        Assert.Contains("data-testid=\"deescalate-hint\"", page);
        Assert.DoesNotContain("data-testid=\"deescalate-hint\"", await agent.GetStringAsync($"/cases/{calm}"));
        var version = (int)(await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync())["version"]!;

        var response = await agent.PostFormAsync($"/cases/{reference}?handler=Playbook", new Dictionary<string, string>
        {
            ["version"] = $"{version}", ["playbookId"] = "de-escalation", ["reason"] = "The customer reads as volatile: de-escalate first.",
        }, tokenFrom: $"/cases/{reference}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var @case = await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync();
        Assert.Equal("de-escalation", (string)@case["playbook"]!["id"]!);
        Assert.DoesNotContain("data-testid=\"deescalate-hint\"", await agent.GetStringAsync($"/cases/{reference}"));
    }

    [Fact]
    public async Task Moving_on_too_early_answers_409_with_a_page_that_lists_what_is_missing()
    {
        var reference = await App.Api().FileReferenceAsync();
        var agent = await SignedInAsync(Roles.Agent);
        var version = (int)(await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync())["version"]!;

        var response = await agent.PostFormAsync($"/cases/{reference}?handler=Advance", new Dictionary<string, string> { ["version"] = $"{version}" },
            tokenFrom: $"/cases/{reference}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("cannot move on until these are done", html);
        Assert.Contains("The customer has not confirmed the problem statement yet.", html);
        Assert.Equal("specify", (string)(await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync())["progress"]!["stage"]!);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        var reference = await App.Api().FileReferenceAsync();
        var agent = await SignedInAsync(Roles.Agent);

        var response = await agent.PostAsync($"/cases/{reference}?handler=Step",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["stepId"] = "know-the-facts" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var steps = (await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync())["progress"]!["stages"]![0]!["steps"]!.AsArray();
        Assert.False((bool)steps.Single(s => (string)s!["id"]! == "know-the-facts")!["done"]!);
    }

    [Fact]
    public async Task Agents_read_playbooks_but_the_editor_is_for_admins()
    {
        var agent = await SignedInAsync(Roles.Agent);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/playbooks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/playbooks/facing-the-music")).StatusCode);
        var editor = await agent.GetAsync("/admin/playbooks");
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        Assert.StartsWith("/access-denied", editor.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/playbooks/no-such-playbook")).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_file_that_is_not_utf8_is_refused_and_an_edit_opens_with_the_latest_yaml()
    {
        var admin = App.Browser();
        await admin.SignInAsync(RedressApp.AdminEmail, RedressApp.AdminPassword);
        var token = await admin.AntiforgeryTokenAsync("/admin/playbooks");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) { Headers = { ContentType = new MediaTypeHeaderValue("application/yaml") } }, "file", "bad.yaml" },
        };

        var refused = await admin.PostAsync("/admin/playbooks", form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not UTF-8 text", await refused.Content.ReadAsStringAsync());
        var edit = await admin.GetStringAsync("/admin/playbooks/serv");
        Assert.Contains("id: serv", edit);
        Assert.Contains("title: Know the facts", edit);
    }
}
