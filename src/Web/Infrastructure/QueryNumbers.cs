using System.Globalization;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>Whole-number query parameters (limit, offset): the value, or a 400 that names the parameter.</summary>
public static class QueryNumbers
{
    public static bool TryInt(HttpRequest request, string name, int fallback, int min, int max, out int value, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        problem = null;
        value = fallback;
        var text = request.Query[name].ToString();
        if (text.Length == 0) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
        problem = ParameterProblem.For(name, $"entier de {min} à {max} attendu, pas « {text} »");
        return false;
    }
}
