using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Redress.Web.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");

    /// <summary>A complete, valid intake body; tests change what they are about.</summary>
    public static JsonObject Complaint(string? marker = null) => new()
    {
        ["customer"] = new JsonObject { ["name"] = "Maria Garcia", ["email"] = $"maria.{Guid.NewGuid():N}@example.com", ["phone"] = "+44 20 7946 0958" },
        ["subject"] = $"Parcel arrived damaged {marker}".Trim(),
        ["description"] = $"The box was crushed and the vase inside is broken. {marker}\nI want it put right.".Trim(),
        ["channel"] = "web",
        ["category"] = "delivery",
        ["orderReference"] = "A-1001",
        ["desiredOutcome"] = "A replacement vase",
    };

    public static Task<HttpResponseMessage> FileAsync(this HttpClient client, JsonObject body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static async Task<string> FileReferenceAsync(this HttpClient client, JsonObject? body = null)
    {
        var response = await client.FileAsync(body ?? Complaint());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["reference"]!;
    }

    /// <summary>A word no other test uses, to find this test's complaints with search.</summary>
    public static string UniqueWord() => "zq" + Guid.NewGuid().ToString("N")[..10];
}
