using Npgsql;

namespace OpenFabriques.Web.Exports;

/// <summary>
/// The version of the data: the last finished import. Exports derive their ETag and Last-Modified from
/// it, so an unchanged dataset answers 304 to a client that already has the file.
/// </summary>
public sealed record DatasetVersion(long ImportId, DateTimeOffset? FinishedAt)
{
    public string ETag => $"W/\"v{ImportId}\"";

    /// <summary>The date of the data, for file names (today when nothing was ever imported).</summary>
    public string Date => (FinishedAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The date of the data as a sentence says it: « 22 novembre 2026 ».</summary>
    public string DateLongue => (FinishedAt ?? DateTimeOffset.UtcNow).ToString("d MMMM yyyy", Infrastructure.Francais.Culture);

    public static async Task<DatasetVersion> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var cmd = db.CreateCommand(ExportsSql.Version);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new DatasetVersion(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Whether the request's validators say the client has this version already.</summary>
    public bool IsNotModified(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var match = request.Headers.IfNoneMatch.ToString();
        if (match.Length > 0)
            return match.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == ETag || "W/" + t == ETag || t == ETag[2..]);
        return FinishedAt is { } f && request.GetTypedHeaders().IfModifiedSince is { } since && TruncateToSeconds(f) <= since;
    }

    /// <summary>Sets ETag, Last-Modified and a short public cache on the response.</summary>
    public void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = ETag;
        if (FinishedAt is { } f) response.GetTypedHeaders().LastModified = TruncateToSeconds(f);
        response.Headers.CacheControl = "public, max-age=300";
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);
}
