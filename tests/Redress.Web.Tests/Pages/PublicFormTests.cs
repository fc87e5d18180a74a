using System.Net;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Pages;

public sealed class PublicFormTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private RedressApp App => fixture.App;

    private static Dictionary<string, string> Form(string subject = "My order arrived damaged", string email = "maria@example.com") => new()
    {
        ["Input.CustomerName"] = "Maria Garcia",
        ["Input.CustomerEmail"] = email,
        ["Input.Subject"] = subject,
        ["Input.Description"] = "The box was crushed.\nThe vase inside is broken.",
        ["Input.Category"] = "delivery",
    };

    [Fact]
    public async Task A_customer_files_a_complaint_without_an_account_and_gets_a_reference_at_once()
    {
        var client = App.Browser();

        var response = await client.PostFormAsync("/complain", Form());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/complain/thanks", response.Headers.Location!.OriginalString);
        var thanks = await client.GetStringAsync("/complain/thanks");
        Assert.Matches(@"RD-\d{4}-\d{6}", thanks);
        Assert.Contains("Thank you for telling us", thanks);
        Assert.Contains("What happens next", thanks);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await App.Browser().PostAsync("/complain", new FormUrlEncodedContent(Form()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Bad_fields_are_named_on_the_form_and_what_was_typed_is_kept()
    {
        var response = await App.Browser().PostFormAsync("/complain", Form(subject: "", email: "maria-at-example"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("is not a valid e-mail address", html);
        Assert.Contains("The subject is required.", html);
        Assert.Contains("The vase inside is broken.", html);
    }

    [Fact]
    public async Task Script_typed_into_the_form_is_shown_encoded_to_staff()
    {
        const string Script = "<script>alert('pwned')</script>";
        var customer = App.Browser();
        await customer.PostFormAsync("/complain", Form(subject: Script));
        var thanks = await customer.GetStringAsync("/complain/thanks");
        var reference = System.Text.RegularExpressions.Regex.Match(thanks, @"RD-\d{4}-\d{6}").Value;

        var agent = App.Browser();
        await agent.SignInAsync(RedressApp.AdminEmail, RedressApp.AdminPassword);
        var casePage = await agent.GetStringAsync($"/cases/{reference}");
        var queuePage = await agent.GetStringAsync($"/queue?q={reference}");

        Assert.DoesNotContain(Script, casePage);
        Assert.Contains("&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;", casePage);
        Assert.DoesNotContain(Script, queuePage);
        Assert.DoesNotContain(Script, thanks);
    }

    [Fact]
    public async Task Every_page_carries_a_content_security_policy()
    {
        var response = await App.Browser().GetAsync("/complain");

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}

public sealed class RateLimitedApp : AppFixture
{
    protected override Task<RedressApp> CreateAppAsync() => Task.FromResult(
        new RedressApp(Redress.Web.DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Redress:PublicForm:PermitPerMinute"] = "2" }));
}

public sealed class PublicFormRateLimitTests(RateLimitedApp fixture) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Sending_too_many_complaints_in_a_minute_is_refused_with_429_but_reading_the_form_is_not()
    {
        var client = fixture.App.Browser();
        var form = new Dictionary<string, string>
        {
            ["Input.CustomerName"] = "Flood",
            ["Input.CustomerEmail"] = "flood@example.com",
            ["Input.Subject"] = "Spam",
            ["Input.Description"] = "Spam",
        };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostFormAsync("/complain", form)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/complain")).StatusCode);
    }
}
