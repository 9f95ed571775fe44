using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// The import map of the pages (each module mapped to its fingerprinted file), written inline by the layout
/// and allowed by the Content-Security-Policy through its hash: no other inline script runs.
/// </summary>
public static class ImportMapScript
{
    private static (ResourceAssetCollection Collection, string Json, string Hash)? cached;
    private static readonly Lock Gate = new();

    /// <summary>The import map of the page being served, and its CSP source (<c>'sha256-…'</c>); null outside pages.</summary>
    public static (string Json, string Hash)? For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var collection = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>();
        if (collection is null) return null;
        lock (Gate)
        {
            if (cached is not { } c || !ReferenceEquals(c.Collection, collection))
            {
                var json = ImportMapDefinition.FromResourceCollection(collection).ToString();
                cached = c = (collection, json, $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}'");
            }
            return (c.Json, c.Hash);
        }
    }
}
