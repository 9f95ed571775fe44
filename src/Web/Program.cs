using OpenFabriques.Web.Departements;
using OpenFabriques.Web.Health;
using OpenFabriques.Web.Infrastructure;
using OpenFabriques.Web.Lieux;
using OpenFabriques.Web.Store;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalStore();
builder.AddPortalWeb();

var app = builder.Build();
app.UsePortalWeb();
app.MapHealthApi();
app.MapDepartementsApi();
app.MapLieuxApi();
app.MapRazorPages().WithStaticAssets();
app.Run();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
