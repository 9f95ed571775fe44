using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Formats.OpenFabriques;

/// <summary>
/// Writes places as a GeoJSON FeatureCollection (RFC 7946): a Point [longitude, latitude] per located
/// place (null geometry otherwise), the properties of <see cref="LieuColumns.Lieux"/> with services and
/// labels as arrays. Numbers are written in their shortest exact form, so coordinates read back to the bit.
/// </summary>
public sealed class LieuGeoJsonWriter : IAsyncDisposable
{
    private readonly Utf8JsonWriter json;
    private readonly Stream output;

    /// <summary>Creates a writer on <paramref name="output"/> (left open).</summary>
    public LieuGeoJsonWriter(Stream output)
    {
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    /// <summary>Opens the collection.</summary>
    public void WriteStart()
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
    }

    /// <summary>Writes one place; flushes to the stream every 64 KB.</summary>
    public async Task WriteAsync(LieuRecord lieu, long id, CancellationToken cancellationToken = default)
    {
        WriteFeature(json, lieu, id);
        if (json.BytesPending > 1 << 16) await json.FlushAsync(cancellationToken);
    }

    /// <summary>One place as a GeoJSON Feature object: what the export writes for it, alone.</summary>
    public static byte[] Feature(LieuRecord lieu, long id)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteFeature(writer, lieu, id);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes one place as a Feature object: a Point [longitude, latitude] or a null geometry, and its properties.</summary>
    public static void WriteFeature(Utf8JsonWriter json, LieuRecord lieu, long id)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(lieu);
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteNumber("id", id);
        if (lieu.Longitude is { } lon && lieu.Latitude is { } lat)
        {
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(lon);
            json.WriteNumberValue(lat);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("geometry");
        }
        json.WriteStartObject("properties");
        WriteProperties(json, lieu, id);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes the public properties of a place, in an object the caller has opened: the one definition of a place's
    /// public shape (<see cref="LieuColumns.Lieux"/>, services as objects and labels as arrays).
    /// </summary>
    public static void WriteProperties(Utf8JsonWriter json, LieuRecord lieu, long id)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(lieu);
        json.WriteNumber("id", id);
        json.WriteString("source", lieu.Source);
        json.WriteString("source_id", lieu.SourceId);
        json.WriteString("nom", lieu.Nom);
        json.WriteString("adresse", lieu.Adresse);
        json.WriteString("code_postal", lieu.CodePostal);
        json.WriteString("code_insee", lieu.CodeInsee);
        json.WriteString("commune", lieu.Commune);
        json.WriteString("departement", lieu.Departement);
        json.WriteStartArray("services");
        foreach (var s in lieu.Services)
        {
            var service = ServiceCatalog.Find(s.Slug);
            json.WriteStartObject();
            json.WriteString("slug", s.Slug);
            json.WriteString("libelle", service?.Libelle ?? s.Slug);
            json.WriteString("groupe", service?.Groupe);
            json.WriteString("libelle_source", s.LibelleSource);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("labels");
        foreach (var l in lieu.Labels) json.WriteStringValue(l);
        json.WriteEndArray();
        json.WriteString("typologie", lieu.Typologie);
        json.WriteString("site_web", lieu.SiteWeb);
        json.WriteString("telephone", lieu.Telephone);
        json.WriteString("horaires", lieu.Horaires);
        json.WriteString("description", lieu.Description);
        if (lieu.DateMaj is { } d) json.WriteString("date_maj", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else json.WriteNull("date_maj");
        json.WriteBoolean("position_approximative", lieu.PositionApproximative);
    }

    /// <summary>Closes the collection and flushes.</summary>
    public async Task WriteEndAsync(CancellationToken cancellationToken = default)
    {
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => json.DisposeAsync();
}
