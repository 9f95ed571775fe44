namespace OpenFabriques.Web.Infrastructure;

/// <summary>The 400 answer to a bad query parameter: problem+json (RFC 9457) naming the parameter.</summary>
public static class ParameterProblem
{
    public static IResult For(string parameter, string detail) => TypedResults.Problem(
        title: $"Paramètre « {parameter} » invalide",
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
