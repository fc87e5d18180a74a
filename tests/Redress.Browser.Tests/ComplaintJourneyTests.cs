using Microsoft.Playwright;
using Redress.Web.Identity;
using Redress.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Redress.Browser.Tests;

public sealed class ComplaintJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_customer_complains_on_the_form_and_an_agent_finds_answers_and_sees_the_reply()
    {
        var word = Json.UniqueWord();
        var (_, agentEmail, _) = await browser.App.CreateStaffAsync(Roles.Agent, "Alex Morgan");

        // The customer, with no account.
        var (customer, customerErrors) = await browser.NewPageAsync();
        await customer.GotoAsync("/complain");
        await customer.GetByLabel("Your name").FillAsync("Maria Garcia");
        await customer.GetByLabel("E-mail address").FillAsync("maria.garcia@example.com");
        await customer.GetByLabel("What is it about?").SelectOptionAsync("delivery");
        await customer.GetByLabel("In one line").FillAsync($"Vase arrived broken {word}");
        await customer.GetByLabel("What happened?").FillAsync("The box was crushed and the vase inside is in pieces.\nIt was a wedding present.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Send my complaint" }).ClickAsync();
        var referenceText = customer.GetByTestId("reference");
        await Expect(referenceText).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^RD-\d{4}-\d{6}$"));
        var reference = await referenceText.InnerTextAsync();
        await Expect(customer.Locator(".acknowledgement")).ToContainTextAsync("What happens next");

        // The agent signs in, finds it in the queue by searching, and opens it.
        var (agent, agentErrors) = await browser.NewPageAsync();
        await agent.GotoAsync("/queue");
        await agent.GetByLabel("E-mail address").FillAsync(agentEmail);
        await agent.GetByLabel("Password").FillAsync(RedressApp.StaffPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue$"));
        await agent.WaitForLoadStateAsync(LoadState.DOMContentLoaded); // htmx listens from then on; typing earlier is missed
        // Typing searches as you type (htmx) and keeps the filtered view in the address bar.
        await agent.RunAndWaitForResponseAsync(() => agent.Locator("#q").FillAsync(word), response => response.Url.Contains($"q={word}"));
        var item = agent.Locator(".queue-item", new() { HasText = reference });
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.GetByTestId("queue-stage")).ToHaveTextAsync("S.E.R.V. · Specify");
        await Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={word}"));
        // A filter applies as it is chosen, keeping the search.
        await agent.RunAndWaitForResponseAsync(() => agent.GetByLabel("Status").SelectOptionAsync("all"), response => response.Url.Contains("status=all"));
        await Expect(item).ToHaveCountAsync(1);
        await Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={word}.*status=all|status=all.*q={word}"));
        await item.ClickAsync();
        await Expect(agent.GetByTestId("customer-words")).ToContainTextAsync("It was a wedding present.");

        // The agent replies; the reply appears on the timeline without a full reload.
        await agent.Locator("#body").FillAsync("Dear Maria, I am so sorry. A new vase leaves our warehouse today, and I will call you on Friday to check it arrived safely.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var timeline = agent.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("Alex Morgan replied to the customer");
        await Expect(timeline).ToContainTextAsync("A new vase leaves our warehouse today");
        await Expect(agent.GetByTestId("owner")).ToHaveTextAsync("Alex Morgan");
        await Expect(agent.GetByTestId("status")).ToHaveTextAsync("In progress");
        await Expect(agent.Locator("#body")).ToHaveValueAsync("");

        Directory.CreateDirectory(ScreenshotFolder);
        await agent.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "case-page.png"), FullPage = true });

        Assert.True(customerErrors.Count == 0, string.Join("\n", customerErrors));
        Assert.True(agentErrors.Count == 0, string.Join("\n", agentErrors));
    }

    [Fact]
    public async Task The_case_page_is_usable_on_a_phone()
    {
        var reference = await browser.App.Api().FileReferenceAsync();
        var (page, errors) = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"/cases/{reference}");
        await page.GetByLabel("E-mail address").FillAsync(RedressApp.AdminEmail);
        await page.GetByLabel("Password").FillAsync(RedressApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByTestId("customer-words")).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page scrolls sideways on a phone ({scrollWidth}px wide).");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "case-page-phone.png") });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");
}
