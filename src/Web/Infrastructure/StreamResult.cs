using Microsoft.Extensions.Options;
using OpenFabriques.Web.Store;

namespace OpenFabriques.Web.Infrastructure;

/// <summary>
/// A response body written by a function as it goes (headers set beforehand by the endpoint). A HEAD request
/// gets the headers only, and the function (its query) does not run. A client that stops reading cannot hold
/// the database connection behind the stream: a write that waits longer than
/// <see cref="PortalOptions.ExportWriteTimeout"/>, or a stream longer than <see cref="PortalOptions.ExportDeadline"/>,
/// cuts the connection and ends the query.
/// </summary>
public sealed class StreamResult(Func<Stream, CancellationToken, Task> write) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.IsHead()) return;
        var options = httpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        deadline.CancelAfter(options.ExportDeadline);
        await using var body = new ClientWriteStream(httpContext, options.ExportWriteTimeout);
        try
        {
            await write(body, deadline.Token);
            await body.FlushAsync(deadline.Token);
        }
        catch (Exception) when (deadline.IsCancellationRequested || body.TimedOut)
        {
            // The client left, read too slowly or too long: the query is cancelled, the connection released.
            httpContext.Abort();
        }
    }

    /// <summary>The response body, with a watchdog on each write: one that waits too long aborts the connection.</summary>
    private sealed class ClientWriteStream : Stream
    {
        private readonly Stream inner;
        private readonly TimeSpan timeout;
        private readonly CancellationTokenSource watchdog = new();
        private readonly CancellationTokenRegistration registration;

        public ClientWriteStream(HttpContext context, TimeSpan timeout)
        {
            inner = context.Response.Body;
            this.timeout = timeout;
            registration = watchdog.Token.Register(context.Abort);
        }

        public bool TimedOut => watchdog.IsCancellationRequested;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            watchdog.CancelAfter(timeout);
            await inner.WriteAsync(buffer, cancellationToken);
            watchdog.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            watchdog.CancelAfter(timeout);
            await inner.FlushAsync(cancellationToken);
            watchdog.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override void Flush() => FlushAsync(default).GetAwaiter().GetResult();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                registration.Dispose();
                watchdog.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
