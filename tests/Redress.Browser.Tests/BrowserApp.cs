using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Browser.Tests;

/// <summary>Redress on a real Kestrel port (loopback only) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public RedressApp App { get; } = new(Redress.Web.DatabaseProvider.Sqlite);
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        App.ClientOptions.BaseAddress = new Uri(BaseUrl);
        await WaitUntilReadyAsync();

        _playwright = await Playwright.CreateAsync();
        // The whole suite shares two cores with PostgreSQL and the other test projects: a page may take longer than
        // Playwright's default five seconds to render an answer that has already arrived.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
        });
    }

    /// <summary>As a load balancer would: no page is opened before /readyz says the node (its reply coach included) is ready.</summary>
    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(100))
        {
            if ((await client.GetAsync("/readyz")).IsSuccessStatusCode)
            {
                return;
            }
            if (waited > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("Redress did not become ready (GET /readyz) within a minute.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A fresh browser profile (cookies and all) that fails the test on any console error, CSP violations included.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
