using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Tests.Taxonomy;

public class LabelCatalogTests
{
    [Theory]
    [InlineData("France Services", "france-services")]
    [InlineData("France services", "france-services")]
    [InlineData("Bus France Services", "france-services")]
    [InlineData("CNFS", "conseiller-numerique")]
    [InlineData("Conseillers numériques", "conseiller-numerique")]
    [InlineData("Fabriques de Territoire", "fabrique-de-territoire")]
    [InlineData("fabrique-de-territoire", "fabrique-de-territoire")]
    [InlineData("APTIC", "pass-numerique")]
    [InlineData("Aidants Connect", "aidants-connect")]
    [InlineData("Label Numérique Inclusif", null)]
    public void A_programmes_wordings_all_mean_its_slug(string wording, string? slug) => Assert.Equal(slug, LabelCatalog.Slug(wording));

    [Fact]
    public void A_places_labels_are_stored_by_slug_with_those_of_its_typology_and_no_repeats()
    {
        Assert.Equal(["conseiller-numerique", "france-services", "Label Numérique Inclusif"],
            LabelCatalog.Normalize(["CNFS", "France Services", " Label Numérique Inclusif ", "France services", ""], null));
        Assert.Equal(["tiers-lieu-fablab"], LabelCatalog.Normalize([], "Tiers lieux à dominante fablab"));
        Assert.Equal(["france-services"], LabelCatalog.Normalize(["France services"], "France services (Bus_équivalent)"));
        Assert.Equal(["fabrique-de-territoire"], LabelCatalog.Normalize([], "TIERS_LIEU|FABRIQUE"));
        Assert.Empty(LabelCatalog.Normalize([], "Tiers lieux à dominante autre"));
    }

    [Fact]
    public void A_page_writes_a_programme_in_words_and_another_label_as_the_source_did() =>
        Assert.Equal(["Conseiller numérique", "Label Numérique Inclusif"],
            new[] { "conseiller-numerique", "Label Numérique Inclusif" }.Select(LabelCatalog.Libelle));
}
