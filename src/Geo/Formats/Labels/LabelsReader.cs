using System.Globalization;
using OpenFabriques.Geo.Codes;
using OpenFabriques.Geo.Formats.Csv;
using OpenFabriques.Geo.Model;
using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Formats.Labels;

/// <summary>
/// Reads a list of labelled places — the kind a programme publishes: a name, a commune, a label and the year it was
/// given (CSV with the columns <c>nom</c>, <c>code_insee</c>, <c>label</c>, <c>annee</c>, and <c>id</c> when the list
/// numbers its places). Such a list gives no address nor point: each row is a record whose position is its commune's
/// (<see cref="LieuRecord.PositionApproximative"/>). The importer attaches it to a known place of that commune with
/// a similar name, else makes it a place at the commune's point, flagged « position approximative ».
/// A row's identifier is <c>id</c>, else its commune and name (<c>12167-les-lieux-communs</c>): a list loaded again
/// changes nothing.
/// </summary>
public sealed class LabelsReader : ILieuReader
{
    private static readonly string[] Columns = ["id", "nom", "code_insee", "label", "annee"];

    private static readonly string[] Required = ["nom", "code_insee", "label"];

    /// <inheritdoc />
    public string Format => "labels";

    /// <inheritdoc />
    public IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        CsvRows.ReadAsync(stream, Required, Columns, _ => Map, cancellationToken);

    private static ReadItem Map(CsvFieldSource f)
    {
        var n = f.Line;
        var nom = f.Text("nom");
        if (nom is null) return ReadItem.Fail(new RowError(n, "nom", "champ obligatoire vide"));
        var code = FieldRules.LeadingZero(f.Text("code_insee"))?.ToUpperInvariant();
        if (code is null) return ReadItem.Fail(new RowError(n, "code_insee", "champ obligatoire vide : la liste place chaque lieu dans sa commune"));
        if (!InseeCodes.IsCommune(code)) return ReadItem.Fail(new RowError(n, "code_insee", $"code INSEE de commune invalide « {code} »"));
        var label = f.Text("label");
        if (label is null) return ReadItem.Fail(new RowError(n, "label", "champ obligatoire vide"));
        int? annee = null;
        if (f.Text("annee") is { } a)
        {
            if (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1990 || y > 2100)
                return ReadItem.Fail(new RowError(n, "annee", $"année invalide « {a} » (attendu AAAA)"));
            annee = y;
        }
        var libelle = LabelCatalog.Find(LabelCatalog.Slug(label))?.Libelle ?? label;
        return ReadItem.Ok(new LieuRecord
        {
            SourceId = f.Text("id") ?? $"{code}-{UpstreamIdentity.Key(nom) ?? "lieu"}",
            Nom = nom,
            CodeInsee = code,
            Departement = InseeCodes.DepartementOfCommune(code),
            Labels = [label],
            Description = annee is { } y2 ? $"{libelle} : label obtenu en {y2.ToString(CultureInfo.InvariantCulture)}." : null,
            PositionApproximative = true,
        }, n);
    }
}
