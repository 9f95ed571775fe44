using System.Net.Sockets;

namespace OpenFabriques.Web.Cli;

/// <summary>
/// Gives a local file for a path or an http(s) URL: a URL is downloaded to a temporary file first
/// (with progress), so that its SHA-256 is known and the import reads it like any file.
/// </summary>
public static class SourceFetcher
{
    /// <summary>The local path, and whether it is a temporary file to delete afterwards.</summary>
    public static async Task<(string Path, bool Temporary)> FetchAsync(string fileOrUrl, TextWriter progress, bool interactive, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fileOrUrl);
        ArgumentNullException.ThrowIfNull(progress);
        if (!Uri.TryCreate(fileOrUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            if (!File.Exists(fileOrUrl)) throw new FetchException($"fichier introuvable : {fileOrUrl}");
            return (fileOrUrl, false);
        }

        var path = Path.Combine(Path.GetTempPath(), $"openfabriques-{Guid.NewGuid():N}.tmp");
        try
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("OpenFabriques-import/1.0");
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connect.CancelAfter(TimeSpan.FromSeconds(30));
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, connect.Token);
            if (!response.IsSuccessStatusCode)
                throw new FetchException($"le serveur de {uri.Host} répond {(int)response.StatusCode} {response.ReasonPhrase} pour {uri}");
            var total = response.Content.Headers.ContentLength;
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await using var file = File.Create(path);
            var buffer = new byte[1 << 16];
            long done = 0;
            var shown = DateTime.UtcNow;
            int n;
            while ((n = await body.ReadAsync(buffer, ct)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
                done += n;
                if (DateTime.UtcNow - shown > TimeSpan.FromSeconds(interactive ? 0.2 : 5))
                {
                    shown = DateTime.UtcNow;
                    var of = total is { } t ? $" sur {t / 1048576.0:0.0} Mo ({100.0 * done / t:0} %)" : "";
                    await progress.WriteAsync($"{(interactive ? "\r" : "")}téléchargement : {done / 1048576.0:0.0} Mo{of}{(interactive ? "   " : "\n")}");
                }
            }
            if (interactive) await progress.WriteLineAsync();
            await progress.WriteLineAsync($"téléchargé : {uri} ({done / 1048576.0:0.0} Mo)");
            return (path, true);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            File.Delete(path);
            var offline = e is HttpRequestException { InnerException: SocketException } or OperationCanceledException;
            throw new FetchException(offline
                ? $"impossible de joindre {uri.Host} pour télécharger {uri} : pas de connexion réseau, ou serveur injoignable. Téléchargez le fichier ailleurs puis importez-le depuis le disque."
                : $"le téléchargement de {uri} a échoué : {e.Message}", e);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}

/// <summary>A source that could not be opened or downloaded; the message says why, plainly.</summary>
public sealed class FetchException : Exception
{
    public FetchException() { }
    public FetchException(string message) : base(message) { }
    public FetchException(string message, Exception inner) : base(message, inner) { }
}
