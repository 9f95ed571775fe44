using System.Globalization;

namespace OpenFabriques.Geo.Formats;

/// <summary>Normalisation rules shared by the readers.</summary>
public static class FieldRules
{
    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Text(string? value)
    {
        if (value is null) return null;
        var t = value.Trim();
        return t.Length == 0 ? null : t;
    }

    /// <summary>
    /// An absolute http(s) URL from what a source wrote: adds "https://" when the scheme is missing
    /// ("www.example.fr"); returns null when nothing URL-like remains. Takes the first of several
    /// URLs separated by spaces, "|" or ";".
    /// </summary>
    public static string? Url(string? value)
    {
        var t = Text(value);
        if (t is null) return null;
        t = t.Split([' ', '|', ';', ','], StringSplitOptions.RemoveEmptyEntries)[0];
        if (!t.Contains("://", StringComparison.Ordinal)) t = "https://" + t;
        return Uri.TryCreate(t, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Contains('.', StringComparison.Ordinal)
            ? uri.ToString()
            : null;
    }

    /// <summary>
    /// The one rule of every reader for a commune's INSEE code: as a spreadsheet may have mangled it (leading
    /// zero, lower-case 2a/2b), normalised; an invalid code is a warning naming the field, and is dropped (the
    /// département then comes from the postcode or the point), never a reason to reject the place.
    /// </summary>
    public static string? CommuneCode(long line, string? value, string field, ICollection<Model.RowError> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var code = LeadingZero(value)?.ToUpperInvariant();
        if (code is null || Codes.InseeCodes.IsCommune(code)) return code;
        warnings.Add(new Model.RowError(line, field, $"code INSEE invalide « {code} », ignoré"));
        return null;
    }

    /// <summary>
    /// Whether a value may become a link: absent, or an absolute http(s) URL. Every reader keeps only such
    /// links (a <c>javascript:</c> or <c>data:</c> URL never reaches a page as a link).
    /// </summary>
    public static bool IsWebLink(string? value) =>
        value is null || Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>A date written as ISO 8601 (yyyy-MM-dd, optionally with a time) or dd/MM/yyyy.</summary>
    public static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        var t = Text(value);
        if (t is null) return true;
        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt)
                && (d = DateOnly.FromDateTime(dt.UtcDateTime)) != default))
        {
            date = d;
            return true;
        }
        return false;
    }

    /// <summary>A coordinate written with a dot or a comma; false when it is not a number in range.</summary>
    public static bool TryCoordinate(string? value, double limit, out double? coordinate)
    {
        coordinate = null;
        var t = Text(value);
        if (t is null) return true;
        if (!double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            || double.IsNaN(v) || Math.Abs(v) > limit)
            return false;
        coordinate = v;
        return true;
    }

    /// <summary>
    /// A postcode or numeric commune code as spreadsheets mangle them: "1000" was "01000" before a
    /// spreadsheet read it as a number. Pads four digits with a leading zero; anything else is returned trimmed.
    /// </summary>
    public static string? LeadingZero(string? value)
    {
        var t = Text(value);
        return t is { Length: 4 } && t.All(char.IsAsciiDigit) ? "0" + t : t;
    }

    /// <summary>
    /// A point from its latitude and longitude texts: both numbers in range, or both absent, else the row's error naming
    /// the field at fault. Then the one check of every reader on where the point lies (<see cref="Geometry.Territoire"/>):
    /// (0, 0) is a placeholder and a point outside France a mistake, both dropped with a warning (the place is kept, its
    /// département then comes from its codes); a point that is in France once latitude and longitude are swapped is
    /// swapped back, with a warning.
    /// </summary>
    public static bool TryPoint(long line, string? latitude, string? longitude, string latitudeField, string longitudeField,
        ICollection<Model.RowError> warnings, out double? lat, out double? lon, out Model.RowError? error)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        error = null;
        lon = null;
        if (!TryCoordinate(latitude, 90, out lat))
            error = new Model.RowError(line, latitudeField, $"latitude invalide « {latitude} »");
        else if (!TryCoordinate(longitude, 180, out lon))
            error = new Model.RowError(line, longitudeField, $"longitude invalide « {longitude} »");
        else if (lat is null != lon is null)
            error = new Model.RowError(line, lat is null ? latitudeField : longitudeField, "latitude et longitude vont ensemble");
        if (error is not null || lat is not { } y || lon is not { } x) return error is null;

        switch (Geometry.Territoire.Position(x, y))
        {
            case Geometry.PositionPoint.IleNulle:
                warnings.Add(new Model.RowError(line, latitudeField, "point (0, 0) : une valeur par défaut, pas un lieu ; point ignoré"));
                (lat, lon) = (null, null);
                break;
            case Geometry.PositionPoint.Inverse:
                warnings.Add(new Model.RowError(line, latitudeField,
                    $"latitude et longitude inversées ({latitude} ; {longitude}) : remises dans l'ordre"));
                (lat, lon) = (x, y);
                break;
            case Geometry.PositionPoint.HorsDeFrance:
                warnings.Add(new Model.RowError(line, latitudeField, $"point hors de France ({latitude} ; {longitude}) : point ignoré"));
                (lat, lon) = (null, null);
                break;
        }
        return true;
    }

    /// <summary>Splits a list written with <paramref name="separator"/>, trimming and dropping blanks.</summary>
    public static IReadOnlyList<string> List(string? value, char separator) =>
        Text(value) is { } t
            ? t.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
}
