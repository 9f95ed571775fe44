using Microsoft.OpenApi;

namespace OpenFabriques.Web.Infrastructure;

public static class OpenApiExtensions
{
    /// <summary>The OpenAPI description at /openapi/v1.json, with every query parameter documented.</summary>
    public static WebApplicationBuilder AddPortalOpenApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OpenFabriques",
                    Version = "v1",
                    Description = "Tiers-lieux, Fabriques de territoire et lieux de médiation numérique de France : lieux, départements, " +
                        "exports CSV et GeoJSON, OGC API – Features. Données sous Licence Ouverte 2.0. Un paramètre invalide reçoit " +
                        "une réponse 400 application/problem+json qui le nomme (propriété « parameter »).",
                    License = new OpenApiLicense { Name = "Licence Ouverte 2.0", Url = new Uri("https://www.etalab.gouv.fr/licence-ouverte-open-licence/") },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                foreach (var p in context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameter>())
                {
                    operation.Parameters ??= [];
                    var schema = new OpenApiSchema
                    {
                        Type = p.Type switch { "number" => JsonSchemaType.Number, "integer" => JsonSchemaType.Integer, _ => JsonSchemaType.String },
                    };
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = p.Name,
                        In = ParameterLocation.Query,
                        Description = p.Description,
                        Required = false,
                        Explode = p.Repeatable,
                        Schema = p.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
                    });
                }
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>/openapi/v1.json and its browsable page at /api-docs (assets served by the app, no CDN).</summary>
    public static WebApplication MapPortalOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").RequireCors(WebExtensions.OpenDataCors);
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "OpenFabriques v1");
            o.RoutePrefix = "api-docs";
            o.DocumentTitle = "API OpenFabriques";
        });
        return app;
    }
}
