using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Playbooks;

public sealed class DefaultPlaybookTests
{
    [Fact]
    public void A_default_that_names_no_playbook_stops_the_start_naming_the_key()
    {
        using var app = new RedressApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Redress:Playbooks:Default"] = "no-such-method" });

        var failure = Assert.ThrowsAny<Exception>(app.StartServer);

        Assert.Contains("Redress:Playbooks:Default is 'no-such-method'", failure.ToString());
    }

    [Fact]
    public async Task Another_built_in_can_be_the_default()
    {
        await using var app = new RedressApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Redress:Playbooks:Default"] = "facing-the-music" });
        app.StartServer();

        var filed = await (await app.Api().FileAsync(Json.Complaint())).ReadJsonAsync();

        Assert.Equal("facing-the-music", (string)filed["playbook"]!);
        Assert.Equal("listen", (string)filed["stage"]!);
    }
}
