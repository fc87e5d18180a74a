using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Redress.Web.Tests.Infrastructure;

/// <summary>One case driven through the API as an integration would: every write sends the ETag it last saw.</summary>
public sealed class CaseClient(HttpClient client, string reference)
{
    public string Reference => reference;
    public string? ETag { get; private set; }
    public HttpClient Client => client;

    public async Task<JsonNode> GetAsync()
    {
        var response = await client.GetAsync($"/api/v1/complaints/{reference}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ETag = response.Headers.ETag?.Tag;
        return await response.ReadJsonAsync();
    }

    /// <summary>Sends a write with If-Match; on success remembers the new ETag.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/complaints/{reference}{path}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if ((ifMatch ?? ETag) is { } tag)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(tag));
        }
        var response = await client.SendAsync(request);
        if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
        {
            ETag = etag.Tag;
        }
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> PutAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Put, path, body);

    /// <summary>A write that must succeed; returns the case it answers with.</summary>
    public async Task<JsonNode> OkAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<HttpResponseMessage> AdvanceAsync() => PostAsync("/advance");

    public static JsonArray Codes(JsonNode? unmet) => new([.. unmet!.AsArray().Select(u => (JsonNode)JsonValue.Create((string)u!["code"]!))]);
}
