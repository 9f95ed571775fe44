using OpenFabriques.Geo.Codes;

namespace OpenFabriques.Geo.Tests.Codes;

public class InseeCodesTests
{
    [Theory]
    [InlineData("01"), InlineData("19"), InlineData("2A"), InlineData("2B"), InlineData("21"), InlineData("95")]
    [InlineData("971"), InlineData("972"), InlineData("973"), InlineData("974"), InlineData("976")]
    public void Recognises_the_departement_codes(string code) => Assert.True(InseeCodes.IsDepartement(code));

    [Theory]
    [InlineData("20"), InlineData("00"), InlineData("96"), InlineData("975"), InlineData("977"), InlineData("2C"), InlineData("1"), InlineData(""), InlineData(null)]
    public void Rejects_what_is_not_a_departement(string? code) => Assert.False(InseeCodes.IsDepartement(code));

    [Theory]
    [InlineData("12167", "12")]  // Najac
    [InlineData("2A004", "2A")]  // Ajaccio
    [InlineData("2b033", "2B")]  // Bastia, lower case as some sources write it
    [InlineData("97411", "974")] // Saint-Denis (La Réunion)
    [InlineData("97611", "976")] // Mamoudzou
    [InlineData("01053", "01")]
    public void Finds_the_departement_of_a_commune(string commune, string departement) =>
        Assert.Equal(departement, InseeCodes.DepartementOfCommune(commune));

    [Theory]
    [InlineData("1053"), InlineData("20004"), InlineData("2C004"), InlineData("ABCDE"), InlineData(null)]
    public void A_malformed_commune_code_has_no_departement(string? commune) =>
        Assert.Null(InseeCodes.DepartementOfCommune(commune));

    [Theory]
    [InlineData("12270", "12")]
    [InlineData("20000", "2A")]  // Ajaccio
    [InlineData("20100", "2A")]  // Sartène
    [InlineData("20200", "2B")]  // Bastia
    [InlineData("20600", "2B")]
    [InlineData("97400", "974")]
    [InlineData("97600", "976")]
    [InlineData("01000", "01")]
    public void Finds_the_departement_of_a_postcode(string postcode, string departement) =>
        Assert.Equal(departement, InseeCodes.DepartementOfPostcode(postcode));

    [Theory]
    [InlineData("98000"), InlineData("97500"), InlineData("1234"), InlineData("00100"), InlineData("12 27"), InlineData(null)]
    public void A_postcode_outside_the_departements_has_none(string? postcode) =>
        Assert.Null(InseeCodes.DepartementOfPostcode(postcode));

    [Theory]
    [InlineData("1", "01"), InlineData(" 974 ", "974"), InlineData("2a", "2A"), InlineData("20", null), InlineData("", null)]
    public void Normalises_departement_codes_as_sources_write_them(string input, string? expected) =>
        Assert.Equal(expected, InseeCodes.NormaliseDepartement(input));
}
