using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenFabriques.Web.E2E;

/// <summary>
/// Another site, on its own origin (http://localhost:port, the portal being on 127.0.0.1): a real HTTP
/// server that serves one HTML page, as a local authority's site would serve a page with a pasted snippet.
/// </summary>
public sealed class SiteTiers : IDisposable
{
    private readonly HttpListener listener = new();

    public SiteTiers(string html)
    {
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        Url = new Uri($"http://localhost:{port}/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        var body = Encoding.UTF8.GetBytes(html);
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
    }

    public Uri Url { get; }

    public void Dispose() => listener.Close();
}
