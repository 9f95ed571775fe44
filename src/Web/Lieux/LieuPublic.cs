using System.Text.Json;
using Npgsql;
using OpenFabriques.Geo.Formats.OpenFabriques;
using OpenFabriques.Geo.Model;

namespace OpenFabriques.Web.Lieux;

/// <summary>
/// The public shape of a place, defined once. Every answer that shows a place in full — the CSV and GeoJSON exports,
/// the OGC API items, <c>/api/lieux</c> and <c>/api/lieux/proches</c> — selects <see cref="Colonnes"/> with
/// <see cref="Services"/>, reads them with <see cref="Read"/> into a <see cref="LieuRecord"/> and writes it with the
/// portal format's writers (<see cref="LieuGeoJsonWriter"/>, <see cref="LieuCsvWriter"/>), so that the same place has
/// the same properties, with the same names and values, wherever it is read. The map feed
/// (<see cref="LieuxSql.MapFeatures"/>) is the one light projection: the same names, fewer of them, services by slug.
/// </summary>
public static class LieuPublic
{
    /// <summary>The columns of a place, in the order <see cref="Read"/> reads them (a sequential reader may be used).</summary>
    public const string Colonnes = """
        l.id, l.source, l.source_id, l.nom, l.adresse, l.code_postal, l.code_insee, l.commune, l.departement,
        l.lon, l.lat, coalesce(sv.slugs, '{}'), coalesce(sv.sources, '{}'), l.labels, l.typologie,
        l.site_web, l.telephone, l.horaires, l.description, l.date_maj, l.position_approximative
        """;

    /// <summary>How many columns <see cref="Colonnes"/> holds: a query's own columns come after.</summary>
    public const int Count = 21;

    /// <summary>The services of <c>l</c> in the taxonomy's order, as two aligned arrays (slugs, the source's wording).</summary>
    public const string Services = """
        LEFT JOIN LATERAL (
            SELECT array_agg(ls.service_slug ORDER BY s.ordre) AS slugs, array_agg(ls.libelle_source ORDER BY s.ordre) AS sources
            FROM lieux_services ls JOIN services s ON s.slug = ls.service_slug
            WHERE ls.lieu_id = l.id) sv ON true
        """;

    /// <summary>The place of the current row (columns 0 to <see cref="Count"/> − 1) and its id.</summary>
    public static (long Id, LieuRecord Lieu) Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var id = reader.GetInt64(0);
        return (id, new LieuRecord
        {
            Source = reader.GetString(1),
            SourceId = reader.GetString(2),
            Nom = reader.GetString(3),
            Adresse = Text(reader, 4),
            CodePostal = Text(reader, 5),
            CodeInsee = Text(reader, 6),
            Commune = Text(reader, 7),
            Departement = Text(reader, 8),
            Longitude = reader.IsDBNull(9) ? null : reader.GetDouble(9),
            Latitude = reader.IsDBNull(10) ? null : reader.GetDouble(10),
            Services = ServiceList(reader.GetFieldValue<string[]>(11), reader.GetFieldValue<string[]>(12)),
            Labels = reader.GetFieldValue<string[]>(13),
            Typologie = Text(reader, 14),
            SiteWeb = Text(reader, 15),
            Telephone = Text(reader, 16),
            Horaires = Text(reader, 17),
            Description = Text(reader, 18),
            DateMaj = reader.IsDBNull(19) ? null : reader.GetFieldValue<DateOnly>(19),
            PositionApproximative = reader.GetBoolean(20),
        });
    }

    /// <summary>The place as a GeoJSON Feature, as the GeoJSON export writes it.</summary>
    public static JsonElement Feature(NpgsqlDataReader reader)
    {
        var (id, lieu) = Read(reader);
        return JsonDocument.Parse(LieuGeoJsonWriter.Feature(lieu, id)).RootElement.Clone();
    }

    /// <summary>
    /// The place as a flat JSON object for the API lists: the export's properties, then its point (<c>lon</c>, <c>lat</c>)
    /// and, when the query computed one in column <see cref="Count"/>, its distance in metres (<c>distance_m</c>).
    /// </summary>
    public static JsonElement Item(NpgsqlDataReader reader, bool distance)
    {
        var (id, lieu) = Read(reader);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            LieuGeoJsonWriter.WriteProperties(json, lieu, id);
            if (lieu.Longitude is { } lon && lieu.Latitude is { } lat)
            {
                json.WriteNumber("lon", lon);
                json.WriteNumber("lat", lat);
            }
            else
            {
                json.WriteNull("lon");
                json.WriteNull("lat");
            }
            if (distance)
            {
                if (reader.IsDBNull(Count)) json.WriteNull("distance_m");
                else json.WriteNumber("distance_m", reader.GetDouble(Count));
            }
            json.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static List<LieuService> ServiceList(string[] slugs, string[] sources) =>
        slugs.Select((slug, i) => new LieuService(slug, sources[i])).ToList();
}
