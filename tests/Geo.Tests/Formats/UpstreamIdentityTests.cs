using System.Text;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Formats.Lmn;

namespace OpenFabriques.Geo.Tests.Formats;

public class UpstreamIdentityTests
{
    [Theory]
    [InlineData("Hinaura", "hinaura")]
    [InlineData("conseiller-numerique", "conseiller-numerique")]
    [InlineData(" France Services ", "france-services")]
    [InlineData("Réseau Fabrique d'Occitanie", "reseau-fabrique-d-occitanie")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void A_source_name_becomes_its_key(string? name, string? key) => Assert.Equal(key, UpstreamIdentity.Key(name));

    [Theory]
    [InlineData("france-services", "mediation-numerique-france-services-18", "18")]
    [InlineData("france-services", "france-services-18", "18")]
    [InlineData("conseiller-numerique", "62592a1d05457b0790816e6c", "62592a1d05457b0790816e6c")]
    [InlineData("hinaura", "hinaura-", "hinaura-")]
    public void An_aggregate_id_gives_back_the_upstream_id(string key, string id, string upstream) =>
        Assert.Equal(upstream, UpstreamIdentity.Id(key, id));

    [Fact]
    public async Task A_lieux_de_mediation_numerique_row_is_identified_by_its_own_source_and_upstream_id()
    {
        var json = """
            [{"id":"mediation-numerique-france-services-18","nom":"France services de Najac","commune":"Najac","code_postal":"12270",
              "adresse":"Place du Faubourg","date_maj":"2024-08-01","source":"france-services","labels_nationaux":"France Services","services":"Réaliser des démarches administratives avec un accompagnement"},
             {"id":"7","nom":"La Fabrique","commune":"Najac","code_postal":"12270","adresse":"Rue du Bourguet","date_maj":"2024-08-01","labels_nationaux":"","services":"Accéder à du matériel"}]
            """;
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var records = (await Fixture.ReadAsync(new LmnReader(), stream)).Records();

        Assert.Equal(("france-services", "18"), (records[0].Source, records[0].SourceId));
        Assert.Equal((null, "7"), (records[1].Source, records[1].SourceId)); // no source in the row: the import's
    }
}
