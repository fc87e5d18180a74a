using System.Net;
using Redress.Web.Identity;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Pages;

public sealed class StaffAccessTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private RedressApp App => fixture.App;

    [Theory]
    [InlineData("/queue")]
    [InlineData("/cases/RD-2026-000001")]
    [InlineData("/account/tokens")]
    public async Task Staff_pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var response = await App.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Staff_without_a_role_are_turned_away_from_the_queue()
    {
        var (_, email, _) = await App.CreateStaffAsync(role: null);
        var client = App.Browser();
        await client.SignInAsync(email, RedressApp.StaffPassword);

        var response = await client.GetAsync("/queue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_plainly()
    {
        var response = await App.Browser().PostFormAsync("/login", new Dictionary<string, string> { ["email"] = RedressApp.AdminEmail, ["password"] = "wrong-password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match an account", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_agent_replies_from_the_case_page_and_the_reply_is_on_the_timeline()
    {
        var (_, email, _) = await App.CreateStaffAsync(Roles.Agent, "Alex Morgan");
        var reference = await App.Api().FileReferenceAsync();
        var agent = App.Browser();
        await agent.SignInAsync(email, RedressApp.StaffPassword);

        var response = await agent.PostFormAsync($"/cases/{reference}?handler=Message",
            new Dictionary<string, string> { ["body"] = "I am so sorry. A new vase leaves today.", ["visibility"] = "customer" }, tokenFrom: $"/cases/{reference}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await agent.GetStringAsync($"/cases/{reference}");
        Assert.Contains("Alex Morgan replied to the customer", page);
        Assert.Contains("A new vase leaves today.", page);
    }

    [Fact]
    public async Task An_agent_can_create_a_personal_api_token_that_works_once_shown()
    {
        var (_, email, _) = await App.CreateStaffAsync(Roles.Agent);
        var agent = App.Browser();
        await agent.SignInAsync(email, RedressApp.StaffPassword);

        var response = await agent.PostFormAsync("/account/tokens?handler=Create", new Dictionary<string, string> { ["name"] = "Shop" }, tokenFrom: "/account/tokens");
        var html = await response.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "rd_[0-9a-f]{48}").Value;

        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.OK, (await App.Api(token).GetAsync("/api/v1/complaints")).StatusCode);
    }

    [Fact]
    public async Task Health_and_api_reference_are_public()
    {
        var client = App.Browser();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        // Ready once the reply coach has trained (about a second after the process starts).
        var ready = await client.GetAsync("/readyz");
        for (var tries = 0; ready.StatusCode == HttpStatusCode.ServiceUnavailable && tries < 300; tries++)
        {
            await Task.Delay(100);
            ready = await client.GetAsync("/readyz");
        }
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var document = await client.GetStringAsync("/api/openapi/v1.json");
        Assert.Contains("/api/v1/complaints/{reference}/messages", document);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/")).StatusCode);
    }
}

public sealed class PasswordTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_member_of_staff_replaces_a_one_time_password_with_their_own()
    {
        var (_, email, _) = await fixture.App.CreateStaffAsync(Redress.Web.Identity.Roles.Agent);
        var client = fixture.App.Browser();
        await client.SignInAsync(email, RedressApp.StaffPassword);

        var mismatch = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["current"] = RedressApp.StaffPassword, ["next"] = "My-Own-Passw0rd!", ["confirm"] = "Something-Else-1!",
        });
        var changed = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["current"] = RedressApp.StaffPassword, ["next"] = "My-Own-Passw0rd!", ["confirm"] = "My-Own-Passw0rd!",
        });

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("not the same", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Your password is changed.", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/queue")).StatusCode);
        await fixture.App.Browser().SignInAsync(email, "My-Own-Passw0rd!");
    }
}
