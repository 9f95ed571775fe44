using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Pages;

/// <summary>The map portal: départements and places on a Leaflet map, with the list of what it shows.</summary>
public sealed class IndexModel(IOptions<PortalOptions> options) : PageModel
{
    /// <summary>Shortcuts to metropolitan France and the five overseas départements.</summary>
    public static IReadOnlyList<(string Code, string Nom)> Territoires { get; } =
    [
        ("metropole", "Métropole"), ("971", "Guadeloupe"), ("972", "Martinique"),
        ("973", "Guyane"), ("974", "La Réunion"), ("976", "Mayotte"),
    ];

    /// <summary>Settings for the page's script, as one JSON attribute.</summary>
    public string SettingsJson { get; private set; } = "{}";

    public void OnGet()
    {
        var o = options.Value;
        SettingsJson = JsonSerializer.Serialize(new
        {
            tileUrl = o.TileUrl,
            tileAttribution = o.TileAttribution,
            departementsUrl = "/api/departements.geojson",
            lieuxUrl = "/api/lieux.geojson",
        });
    }
}
