namespace OpenFabriques.Web.Couverture;

public static class CouvertureExtensions
{
    /// <summary>The distance coverage and the background worker that keeps it in step with the places.</summary>
    public static IHostApplicationBuilder AddCouverture(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CouvertureDistances>();
        builder.Services.AddHostedService<DistancesWorker>();
        return builder;
    }
}
