using OpenFabriques.Web.Carte;
using OpenFabriques.Web.Cli;
using OpenFabriques.Web.Communes;
using OpenFabriques.Web.Couverture;
using OpenFabriques.Web.Departements;
using OpenFabriques.Web.Exports;
using OpenFabriques.Web.Health;
using OpenFabriques.Web.Infrastructure;
using OpenFabriques.Web.Lieux;
using OpenFabriques.Web.Ogc;
using OpenFabriques.Web.Startup;

if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalServices();
builder.AddPortalWeb();
builder.AddPortalOpenApi();

var app = builder.Build();
app.UsePortalWeb();
app.MapPortalOpenApi();
app.MapHealthApi();
app.MapDepartementsApi();
app.MapLieuxApi();
app.MapLieuxQueryApi();
app.MapCarteApi();
app.MapCommunesApi();
app.MapCouvertureApi();
app.MapFicheImage();
app.MapExportsApi();
app.MapOgcApi();
app.MapRazorPages().WithStaticAssets();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
