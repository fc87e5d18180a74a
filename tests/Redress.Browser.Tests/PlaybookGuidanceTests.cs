using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Redress.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Redress.Browser.Tests;

public sealed partial class PlaybookGuidanceTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task<(IPage Page, List<string> Errors)> SignedInAsync(string path)
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByLabel("E-mail address").FillAsync(RedressApp.AdminEmail);
        await page.GetByLabel("Password").FillAsync(RedressApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        // htmx takes over the forms once it has processed them; on a busy machine that can lag DOMContentLoaded, and
        // typing before it is missed.
        await page.WaitForFunctionAsync("() => window.htmx && [...document.querySelectorAll('[hx-post],[hx-get]')].every(e => e['htmx-internal-data'])");
        return (page, errors);
    }

    [Fact]
    public async Task The_checklist_guides_the_agent_through_Specify_and_refuses_to_move_on_until_it_is_done()
    {
        var reference = await browser.App.Api().FileReferenceAsync();
        var (page, errors) = await SignedInAsync($"/cases/{reference}");
        var guidance = page.GetByTestId("guidance");
        await Expect(guidance.GetByTestId("stage")).ToHaveTextAsync("Specify");
        await Expect(guidance.GetByTestId("next-step")).ToContainTextAsync("Know the facts");
        await Expect(guidance.GetByTestId("stage-progress")).ToContainTextAsync("0 of 4 required steps done · stage 1 of 4");
        // Every change below swaps the case in place (htmx); a full reload would lose this marker.
        await page.EvaluateAsync("window.redressMarker = 'still here'");

        // Moving on too early: the page says plainly what is missing, and the case stays put.
        await guidance.GetByTestId("advance").ClickAsync();
        var error = page.GetByTestId("case-error");
        await Expect(error).ToContainTextAsync("cannot move on");
        await Expect(error).ToContainTextAsync("The customer confirms the facts");
        await Expect(guidance.GetByTestId("stage")).ToHaveTextAsync("Specify");

        // One click completes a manual step, and the next step's guidance takes its place.
        await guidance.GetByRole(AriaRole.Button, new() { Name = "Mark 'Know the facts' done" }).ClickAsync();
        await Expect(guidance.Locator("[data-step=know-the-facts]")).ToHaveClassAsync(DoneClass());
        await Expect(guidance.GetByTestId("next-step")).ToContainTextAsync("Listen without bias");
        await Expect(guidance.GetByTestId("stage-progress")).ToContainTextAsync("1 of 4 required steps done");

        // Specify on the case: all is out, the problem in the agent's words, the customer's confirmation.
        var specify = page.GetByTestId("specify");
        await specify.GetByRole(AriaRole.Button, new() { Name = "Customer says that's everything" }).ClickAsync();
        await Expect(specify.GetByTestId("all-said")).ToContainTextAsync("said that is everything");
        await page.Locator("#statement").FillAsync("The vase arrived in pieces because the box was crushed; it was a wedding present.");
        await specify.GetByRole(AriaRole.Button, new() { Name = "Save problem statement" }).ClickAsync();
        await Expect(specify.GetByTestId("problem-statement")).ToContainTextAsync("wedding present");
        await specify.GetByLabel("How they confirmed").SelectOptionAsync("phone");
        await specify.GetByRole(AriaRole.Button, new() { Name = "Customer confirmed" }).ClickAsync();
        await Expect(specify.GetByTestId("confirmed")).ToContainTextAsync("The customer confirmed it phone");

        await Expect(guidance.GetByTestId("gate")).ToContainTextAsync("Ready for Evaluate");
        await guidance.GetByTestId("advance").ClickAsync();
        await Expect(guidance.GetByTestId("stage")).ToHaveTextAsync("Evaluate");
        await Expect(guidance.Locator(".stage-done")).ToHaveTextAsync("Specify");
        await Expect(guidance.GetByTestId("next-step")).ToContainTextAsync("Find who or what made the mistake");
        var timeline = page.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("completed 'Know the facts'");
        await Expect(timeline).ToContainTextAsync("moved the case from Specify to Evaluate");
        Assert.Equal("still here", await page.EvaluateAsync<string>("window.redressMarker"));

        await guidance.ScreenshotAsync(new() { Path = Screenshot("guidance.png") });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_composer_coaches_the_agent_as_they_type()
    {
        var reference = await browser.App.Api().FileReferenceAsync();
        var (page, errors) = await SignedInAsync($"/cases/{reference}");
        var coach = page.GetByTestId("coach");

        // Wait for the coach's answer itself: on a machine busy with the rest of the suite it can take longer than an
        // expectation's default five seconds.
        var coachAnswer = new PageRunAndWaitForResponseOptions { Timeout = 30_000 };
        var answer = await page.RunAndWaitForResponseAsync(() => page.Locator("#body").FillAsync("That's not my job, someone else handles refunds."),
            response => response.Url.Contains("handler=Coach", StringComparison.Ordinal), coachAnswer);
        var answered = await answer.TextAsync();
        Assert.True(answer.Ok && answered.Contains("data-rule=\"passing-the-buck\"", StringComparison.Ordinal), $"{answer.Status} {answer.Url}: {answered}");

        var finding = coach.Locator(".finding[data-rule=passing-the-buck]").First;
        await Expect(finding).ToContainTextAsync("That's not my job");
        await Expect(finding).ToContainTextAsync("Try:");
        await Expect(finding).ToContainTextAsync("I'll take care of this myself");
        await page.Locator(".composer").ScreenshotAsync(new() { Path = Screenshot("composer-findings.png") });

        await page.RunAndWaitForResponseAsync(() => page.Locator("#body").FillAsync("Thank you for telling us, and I'm so sorry. I can see the vase arrived broken, which must be upsetting. " +
            "I'm sending a new one by courier today."), response => response.Url.Contains("handler=Coach", StringComparison.Ordinal), coachAnswer);
        await Expect(coach).ToContainTextAsync("Nothing to change");
        await page.ScreenshotAsync(new() { Path = Screenshot("composer.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task An_agent_records_an_angry_phone_call_and_the_case_shows_how_it_reads()
    {
        var reference = await browser.App.Api().FileReferenceAsync();
        var (page, errors) = await SignedInAsync($"/cases/{reference}");

        var inbound = page.GetByTestId("inbound");
        await inbound.Locator("summary").ClickAsync();
        await inbound.GetByLabel("In their words").FillAsync("Third time I've rung about this. Sort it today or I'm going to the papers and posting it everywhere.");
        await inbound.GetByLabel("How they got in touch").SelectOptionAsync("phone");
        await inbound.GetByRole(AriaRole.Button, new() { Name = "Record their message" }).ClickAsync();

        var timeline = page.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("got in touch by phone, recorded by");
        await Expect(timeline.GetByTestId("message-tone").First).ToContainTextAsync("threatens to go public");
        await Expect(page.GetByTestId("tone")).ToContainTextAsync("Their latest message reads angry");
        await page.ScreenshotAsync(new() { Path = Screenshot("inbound.png"), FullPage = true });

        // The guidance offers the de-escalation plan for a customer this heated; one click switches to it.
        var hint = page.GetByTestId("deescalate-hint");
        await Expect(hint).ToContainTextAsync("This customer reads as volatile");
        await hint.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("guidance").Locator("h2")).ToContainTextAsync("De-escalation");
        await Expect(hint).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("de-escalate first");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task An_admin_pastes_a_playbook_sees_each_mistake_with_its_line_then_saves_it()
    {
        var id = "returns-" + Guid.NewGuid().ToString("N")[..6];
        var yaml = $"""
            id: {id}
            name: Returns desk
            applies_to:
              categories: [returns]
            stages:
              - id: listen
                title: Listen
                steps:
                  - id: restate
                    title: Restate the problem
                    guidance: Write it down and read it back.
                    completion: problem_statement_confirmd
            """;
        var (page, errors) = await SignedInAsync("/playbooks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a playbook" }).ClickAsync();

        await page.GetByLabel("YAML", new() { Exact = true }).FillAsync(yaml);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var mistakes = page.GetByTestId("playbook-errors");
        await Expect(mistakes).ToContainTextAsync("line 12, column 21");
        await Expect(mistakes).ToContainTextAsync("'problem_statement_confirmd' is not a condition");
        await Expect(page.GetByLabel("YAML", new() { Exact = true })).ToHaveValueAsync(new Regex("problem_statement_confirmd")); // nothing the admin typed is lost

        await page.GetByLabel("YAML", new() { Exact = true }).FillAsync(yaml.Replace("confirmd", "confirmed", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/playbooks/{id}\\?version=1$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Returns desk");
        await page.GotoAsync("/playbooks/personal-touch");
        await Expect(page.Locator("h1")).ToContainTextAsync("Personal touch");
        await page.ScreenshotAsync(new() { Path = Screenshot("playbook.png"), FullPage = true });
        await page.GotoAsync("/playbooks");
        await Expect(page.GetByTestId("playbooks")).ToContainTextAsync("Returns desk");

        // The refused save answered 400 on purpose (Chromium logs that); anything else is a real error.
        var unexpected = errors.Where(e => !e.Contains("status of 400", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [GeneratedRegex(@"\bdone\b")]
    private static partial Regex DoneClass();
}
