using System.Globalization;
using System.Text;
using Npgsql;

namespace OpenFabriques.Web.Departements;

/// <summary>
/// A static map of one département (outline, places, communes far from any place) as SVG: no script, no
/// tiles, a few kilobytes; what the embeddable card shows.
/// </summary>
public sealed record MiniCarte(double Largeur, double Hauteur, string Contour, IReadOnlyList<(double X, double Y)> Lieux,
    IReadOnlyList<(double X, double Y)> Eloignees)
{
    public const string CouleurLieu = "#000091";
    public const string CouleurEloignee = "#e4794a";

    public static async Task<MiniCarte?> LoadAsync(NpgsqlDataSource db, string code, double distanceMetres, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var cmd = db.CreateCommand(DepartementsSql.MiniCarte);
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.AddWithValue("distance", distanceMetres);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        static List<(double, double)> Points(double[] xs, double[] ys) => xs.Zip(ys).ToList();
        return new MiniCarte(r.GetDouble(0), r.GetDouble(1), r.GetString(2),
            Points(r.GetFieldValue<double[]>(3), r.GetFieldValue<double[]>(4)), Points(r.GetFieldValue<double[]>(5), r.GetFieldValue<double[]>(6)));
    }

    /// <summary>
    /// The map's SVG element, scaled to its container (<paramref name="attributs"/> adds e.g. x, y, width,
    /// height when nested in another SVG). Its title and description say what it shows, for screen readers.
    /// </summary>
    public string Svg(string titre, string description, string id, string attributs = "")
    {
        var marge = 0.03 * Math.Max(Largeur, Hauteur);
        var rayon = 0.011 * Math.Max(Largeur, Hauteur);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" {attributs} viewBox=\"{F(-marge)} {F(-marge)} {F(Largeur + 2 * marge)} {F(Hauteur + 2 * marge)}\" ");
        sb.Append(CultureInfo.InvariantCulture, $"role=\"img\" aria-labelledby=\"{id}-titre {id}-desc\" class=\"mini-carte\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titre\">{Html(titre)}</title><desc id=\"{id}-desc\">{Html(description)}</desc>");
        sb.Append(CultureInfo.InvariantCulture,
            $"<path d=\"{Contour}\" fill=\"#f0f0f8\" stroke=\"#555\" stroke-width=\"{F(rayon / 4)}\" stroke-linejoin=\"round\" fill-rule=\"evenodd\"/>");
        foreach (var (x, y) in Eloignees)
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"eloignee\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(rayon * 0.6)}\" fill=\"{CouleurEloignee}\" fill-opacity=\"0.8\"/>");
        foreach (var (x, y) in Lieux)
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"lieu\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(rayon)}\" fill=\"{CouleurLieu}\" stroke=\"#fff\" stroke-width=\"{F(rayon / 4)}\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Html(string s) => System.Net.WebUtility.HtmlEncode(s);
}
