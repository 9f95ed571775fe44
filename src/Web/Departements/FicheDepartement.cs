using Npgsql;
using OpenFabriques.Web.Couverture;

namespace OpenFabriques.Web.Departements;

/// <summary>
/// The indicators of one département beside its region's and France's, and its rank: what its page and its
/// embeddable card both show.
/// </summary>
public sealed record FicheDepartement(LigneCouverture Ligne, LigneCouverture Region, LigneCouverture France, (int Rang, bool ExAequo) Rang,
    EtatDistances? Distances)
{
    public static async Task<FicheDepartement?> LoadAsync(NpgsqlDataSource db, CouvertureDistances distances, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var lignes = await Indicateurs.ParDepartementAsync(db, null, ct);
        var ligne = lignes.SingleOrDefault(l => l.Code == code);
        if (ligne is null) return null;
        var (regions, france) = Indicateurs.Totaux(lignes);
        return new FicheDepartement(ligne, regions.Single(r => r.Code == ligne.Region), france,
            Indicateurs.Rang(lignes, ligne), await distances.EtatAsync(ct));
    }

    /// <summary>« 1er », « 4e », « 13e ex aequo »: the rank among the 101 départements by places per 100,000 inhabitants.</summary>
    public string RangTexte => Indicateurs.RangTexte(Rang);

    /// <summary>The distance of the card's coverage figure, in kilometres.</summary>
    public static int KmFiche => CouvertureDistances.SeuilsKm[0];

    /// <summary>The card in one sentence: the text alternative of its image and of its map.</summary>
    public string Resume()
    {
        var fr = Infrastructure.Francais.Culture;
        var texte = $"{Ligne.Nom} ({Ligne.Code}) : {Ligne.Lieux.ToString("N0", fr)} lieu{(Ligne.Lieux > 1 ? "x" : "")}, "
            + $"{Ligne.LieuxPour100000.ToString("0.0", fr)} pour 100 000 habitants ({RangTexte} des 101 départements)";
        if (Distances is not null && Ligne.PartAuDela(KmFiche) is { } part)
            texte += $" ; {Infrastructure.Francais.Pourcent(part)} de la population à plus de {KmFiche} km d'un lieu";
        return texte + ".";
    }
}
