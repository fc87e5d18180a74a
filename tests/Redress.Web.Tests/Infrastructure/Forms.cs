using System.Text.RegularExpressions;

namespace Redress.Web.Tests.Infrastructure;

public static partial class Forms
{
    /// <summary>The antiforgery token a page put in its form, as a browser would send it back.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string> fields, string? tokenFrom = null)
    {
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(tokenFrom ?? path),
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostFormAsync("/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
