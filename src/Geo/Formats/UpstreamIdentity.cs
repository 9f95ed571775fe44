using System.Globalization;
using System.Text;

namespace OpenFabriques.Geo.Formats;

/// <summary>
/// A record's identity is its upstream source and the id that source gives it. Aggregated files (the lieux de
/// médiation numérique of the ANCT's cartographie nationale) name each row's upstream source in their own words
/// (« Hinaura », « conseiller-numerique », « france-services ») and often re-publish its id with the source as a prefix
/// (« mediation-numerique-france-services-18 » is France services n° 18): both are brought back to the upstream's
/// own key and id, so that a place re-published by an aggregate is the place its source already gave.
/// </summary>
public static class UpstreamIdentity
{
    /// <summary>
    /// The key of a source from the name a file gives it: lower case, accents dropped, any run of other characters
    /// a hyphen (« Hinaura » → hinaura, « France Services » → france-services); null when nothing is left.
    /// </summary>
    public static string? Key(string? name)
    {
        var t = FieldRules.Text(name);
        if (t is null) return null;
        var sb = new StringBuilder(t.Length);
        foreach (var c in t.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var key = sb.ToString().Trim('-');
        return key.Length == 0 ? null : key;
    }

    /// <summary>The upstream id inside an aggregate's id: without a « mediation-numerique-{key}- » or « {key}- » prefix.</summary>
    public static string Id(string key, string id)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(id);
        foreach (var prefix in (ReadOnlySpan<string>)[$"mediation-numerique-{key}-", $"{key}-"])
        {
            if (id.Length > prefix.Length && id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return id[prefix.Length..];
        }
        return id;
    }
}
