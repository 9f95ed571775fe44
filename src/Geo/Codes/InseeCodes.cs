using System.Text.RegularExpressions;

namespace OpenFabriques.Geo.Codes;

/// <summary>
/// Rules of the INSEE Code officiel géographique for départements and communes:
/// two-character metropolitan codes (01–95 with 2A and 2B for Corsica instead of 20)
/// and three-character overseas codes (971–976).
/// </summary>
public static partial class InseeCodes
{
    /// <summary>Whether <paramref name="code"/> is one of the 101 département codes.</summary>
    public static bool IsDepartement(string? code) =>
        code is not null && DepartementPattern().IsMatch(code) && code != "20";

    /// <summary>Whether <paramref name="code"/> has the shape of a commune code (5 characters, 2A/2B allowed).</summary>
    public static bool IsCommune(string? code) => code is not null && CommunePattern().IsMatch(code);

    /// <summary>
    /// The département of a commune: the first three characters overseas (97x), else the first two.
    /// Returns null when the code is not a commune code.
    /// </summary>
    public static string? DepartementOfCommune(string? communeCode)
    {
        if (!IsCommune(communeCode)) return null;
        var code = communeCode!.ToUpperInvariant();
        return code.StartsWith("97", StringComparison.Ordinal) ? code[..3] : code[..2];
    }

    /// <summary>
    /// The département a postcode most likely belongs to. Postcodes follow départements except in
    /// Corsica (20xxx: 200–201 Corse-du-Sud, 202–206 Haute-Corse) and overseas (97x). Returns null
    /// for a malformed postcode or one with no département (e.g. 98xxx).
    /// </summary>
    /// <remarks>A few communes sit in a postcode of a neighbouring département; prefer the INSEE code when known.</remarks>
    public static string? DepartementOfPostcode(string? postcode)
    {
        if (postcode is null || !PostcodePattern().IsMatch(postcode)) return null;
        if (postcode.StartsWith("20", StringComparison.Ordinal))
            return postcode[2] is '0' or '1' ? "2A" : "2B";
        if (postcode.StartsWith("97", StringComparison.Ordinal))
            return IsDepartement(postcode[..3]) ? postcode[..3] : null;
        var dep = postcode[..2];
        return IsDepartement(dep) ? dep : null;
    }

    /// <summary>Normalises a département code as sources write it ("1", "01", "2a", " 974 ") or returns null.</summary>
    public static string? NormaliseDepartement(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().ToUpperInvariant();
        if (c.Length == 1 && char.IsAsciiDigit(c[0])) c = "0" + c;
        return IsDepartement(c) ? c : null;
    }

    [GeneratedRegex("^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-46])$")]
    private static partial Regex DepartementPattern();

    [GeneratedRegex("^(?:[013-9][0-9]|2[AaBb1-9])[0-9]{3}$")]
    private static partial Regex CommunePattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostcodePattern();
}
