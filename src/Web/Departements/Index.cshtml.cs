using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace OpenFabriques.Web.Departements;

/// <summary>The 101 départements with their number of places.</summary>
public sealed class IndexModel(NpgsqlDataSource db) : PageModel
{
    public IReadOnlyList<(string Code, string Nom, string Region, int Population, long Lieux)> Departements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = new List<(string, string, string, int, long)>();
        await using var cmd = db.CreateCommand(DepartementsSql.Liste);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4)));
        Departements = list;
    }
}
