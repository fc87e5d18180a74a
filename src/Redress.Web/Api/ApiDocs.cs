using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Redress.Web.Api;

public static class ApiDocs
{
    public const string DocumentPattern = "/api/openapi/{documentName}.json";

    /// <summary>The OpenAPI document and the browsable reference (Scalar, served from the app itself: no CDN).</summary>
    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPattern).AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options =>
        {
            options.OpenApiRoutePattern = DocumentPattern;
            options.Title = "Redress API";
            options.DefaultFonts = false;
        }).AllowAnonymous();
    }
}

/// <summary>Describes the API and its Bearer tokens in the document.</summary>
public sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Redress API",
            Version = "v1",
            Description = "Complaint intake and case handling. Staff endpoints take a personal API token: 'Authorization: Bearer <token>'. " +
                "Errors are RFC 9457 problem details naming each bad field.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token (Account › API tokens).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
