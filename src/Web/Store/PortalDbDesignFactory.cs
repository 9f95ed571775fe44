using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace OpenFabriques.Web.Store;

/// <summary>
/// The context as <c>dotnet ef</c> builds it (migrations add, script): the same configuration, without the
/// portal's start-up. <c>dotnet ef migrations add</c> needs no database; <c>database update</c> uses
/// <c>ConnectionStrings__OpenFabriques</c>, else the private cluster's default.
/// </summary>
public sealed class PortalDbDesignFactory : IDesignTimeDbContextFactory<PortalDb>
{
    public PortalDb CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__OpenFabriques")
            ?? "Host=127.0.0.1;Port=55432;Database=openfabriques;Username=postgres";
        var source = new NpgsqlDataSourceBuilder(connectionString);
        source.UseNetTopologySuite();
        var options = new DbContextOptionsBuilder<PortalDb>();
        StoreExtensions.Configure(options, source.Build());
        return new PortalDb(options.Options);
    }
}
