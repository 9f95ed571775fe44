using OpenFabriques.Geo.Taxonomy;

namespace OpenFabriques.Geo.Tests.Taxonomy;

public class ServiceVocabularyTests
{
    [Theory]
    [InlineData("Aide aux démarches administratives", "aide-demarches-administratives")]
    [InlineData("Accès internet et matériel informatique", "acces-internet-materiel")]
    [InlineData("Acquisition de matériel informatique à prix solidaire", "materiel-prix-solidaire")]
    public void Maps_the_services_of_schema_v1(string value, string slug) => Assert.Equal(slug, ServiceVocabulary.ToSlug(value));

    [Theory]
    [InlineData("Réaliser des démarches administratives avec un accompagnement", "aide-demarches-administratives")]
    [InlineData("Accéder à du matériel", "acces-internet-materiel")]
    [InlineData("Prendre en main un smartphone ou une tablette", "maitrise-outils-numeriques")]
    [InlineData("Promouvoir la citoyenneté numérique", "comprehension-monde-numerique")]
    public void Maps_the_services_of_schema_v0_1(string value, string slug) => Assert.Equal(slug, ServiceVocabulary.ToSlug(value));

    [Theory]
    [InlineData("Tiers lieux à dominante coworking", "coworking")]
    [InlineData("Tiers lieux à dominante fablab", "fablab")]
    public void Maps_the_typology_of_the_2019_census(string value, string slug) => Assert.Equal(slug, ServiceVocabulary.ToSlug(value));

    [Theory]
    [InlineData("ACCEDER A DU MATERIEL")]
    [InlineData("  accéder  à du matériel ")]
    [InlineData("Accéder à du matériel.")]
    public void Ignores_case_accents_punctuation_and_spacing(string value) =>
        Assert.Equal("acces-internet-materiel", ServiceVocabulary.ToSlug(value));

    [Fact]
    public void Keeps_an_unknown_value_under_autre() => Assert.Equal("autre", ServiceVocabulary.ToSlug("Atelier vélo"));

    [Fact]
    public void A_blank_value_is_no_service() => Assert.Null(ServiceVocabulary.ToSlug("   "));

    [Fact]
    public void Every_canonical_slug_and_label_maps_to_itself()
    {
        foreach (var s in ServiceCatalog.All)
        {
            Assert.Equal(s.Slug, ServiceVocabulary.ToSlug(s.Slug));
            Assert.Equal(s.Slug, ServiceVocabulary.ToSlug(s.Libelle));
        }
    }

    [Fact]
    public void The_catalogue_has_unique_slugs_in_known_groups()
    {
        Assert.Equal(ServiceCatalog.All.Count, ServiceCatalog.All.Select(s => s.Slug).Distinct().Count());
        Assert.All(ServiceCatalog.All, s => Assert.Contains(s.Groupe, ServiceCatalog.Groupes));
        Assert.All(ServiceCatalog.All, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Slug));
    }
}
