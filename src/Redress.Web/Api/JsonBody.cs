using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Redress.Web.Api;

/// <summary>A request body read and parsed by hand, so every failure becomes a problem response naming what is wrong.</summary>
public sealed record JsonBody<T>(T Value, string Sha256);

public static class JsonBody
{
    public const int DefaultLimit = 256 * 1024;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes (413 beyond), requires JSON (415 otherwise), and maps parse errors
    /// to a 400 validation problem whose key is the field's JSON path ("customer.email") or "body".
    /// </summary>
    public static async Task<(JsonBody<T>? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int limit = DefaultLimit)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the body as JSON with 'Content-Type: application/json'."));
        }
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream(request.ContentLength is > 0 and var length ? (int)length : 4096);
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        return (null, TooLarge(limit));
                    }
                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            return (null, TypedResults.Problem(statusCode: ex.StatusCode, title: "Bad request body", detail: ex.Message));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, options);
            if (value is null)
            {
                return (null, Invalid("body", "The body must be a JSON object."));
            }
            return (new JsonBody<T>(value, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            var message = ex.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? $"'{field}' has the wrong type (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})."
                : $"The body is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).";
            return (null, Invalid(field == "" ? "body" : field, message));
        }
    }

    /// <summary>As <see cref="ReadAsync{T}"/>, but a request with no body at all stands for <paramref name="empty"/>.</summary>
    public static async Task<(JsonBody<T>? Body, ProblemHttpResult? Problem)> ReadOptionalAsync<T>(HttpRequest request, T empty)
        where T : class =>
        request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null)
            ? (new JsonBody<T>(empty, ""), null)
            : await ReadAsync<T>(request);

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
        });

    private static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: $"The body may be at most {limit / 1024} KiB.");

    /// <summary>"$.customer.email" → "customer.email"; "$" or nothing → "".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.TrimStart('$', '.').Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal);
}
