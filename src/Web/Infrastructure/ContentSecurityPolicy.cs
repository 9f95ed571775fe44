using Microsoft.Extensions.Options;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// The Content-Security-Policy of every response: everything from the portal itself, no inline script but
/// the pages' import map (allowed by its hash), no inline style; the map tiles and the national address API
/// named explicitly, from the settings.
/// </summary>
public sealed class ContentSecurityPolicy
{
    private readonly string common;

    public ContentSecurityPolicy(IOptions<PortalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tiles = Origin(options.Value.TileUrl);
        var addresses = Origin(options.Value.AddressApiUrl);
        common = $"default-src 'self'; style-src 'self'; img-src 'self' data:{(tiles is null ? "" : " " + tiles)}; " +
            $"connect-src 'self'{(addresses is null ? "" : " " + addresses)}; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    /// <summary>The header for a response: framable by any site for the embeddable cards, by the portal only otherwise.</summary>
    public string For(bool integrable, string? importMapHash) =>
        $"{common}; script-src 'self'{(importMapHash is null ? "" : " " + importMapHash)}; frame-ancestors {(integrable ? "*" : "'self'")}";

    /// <summary>The origin of a URL template, a subdomain placeholder ("{s}.tile…") widened to "*.tile…"; null when empty.</summary>
    public static string? Origin(string? template)
    {
        if (string.IsNullOrWhiteSpace(template)) return null;
        var t = template.Replace("{s}", "sous-domaine", StringComparison.Ordinal);
        if (!Uri.TryCreate(t, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var host = uri.Host.Replace("sous-domaine", "*", StringComparison.Ordinal);
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
