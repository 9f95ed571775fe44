using System.Net;
using System.Net.Sockets;

namespace OpenFabriques.Tests;

/// <summary>
/// A TCP relay in front of the test database: stopping it cuts every connection and refuses new ones,
/// as a database outage does; starting it again on the same port brings the database back.
/// </summary>
public sealed class TcpRelay(string targetHost, int targetPort) : IAsyncDisposable
{
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource? stop;
    private Task? accepting;

    public int Port { get; private set; }

    public void Start()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        stop = new CancellationTokenSource();
        accepting = AcceptAsync(listener, stop.Token);
    }

    public async Task StopAsync()
    {
        if (listener is null) return;
        await stop!.CancelAsync();
        listener.Stop();
        try { await accepting!; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
        lock (open)
        {
            foreach (var c in open) c.Dispose();
            open.Clear();
        }
        stop.Dispose();
        listener = null;
    }

    private async Task AcceptAsync(TcpListener l, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var client = await l.AcceptTcpClientAsync(ct);
            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(targetHost, targetPort, ct);
            }
            catch (SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }
            lock (open) open.AddRange([client, upstream]);
            _ = PumpAsync(client, upstream, ct);
            _ = PumpAsync(upstream, client, ct);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
