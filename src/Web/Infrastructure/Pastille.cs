using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// A colour swatch of a legend, drawn as a small SVG whose colour is a presentation attribute: the
/// Content-Security-Policy allows no inline style, and the colour is no HTML.
/// </summary>
public static class Pastille
{
    /// <summary>A square swatch (class <c>pastille</c>, or <paramref name="classe"/>).</summary>
    public static IHtmlContent Carree(string couleur, string classe = "pastille") => Svg(classe, $"<rect width=\"10\" height=\"10\" fill=\"{Encode(couleur)}\"/>");

    /// <summary>A round swatch, for points.</summary>
    public static IHtmlContent Ronde(string couleur, string classe = "pastille pastille-ronde") => Svg(classe, $"<circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"{Encode(couleur)}\"/>");

    private static HtmlString Svg(string classe, string forme) =>
        new($"<svg class=\"{Encode(classe)}\" viewBox=\"0 0 10 10\" aria-hidden=\"true\" focusable=\"false\">{forme}</svg>");

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
