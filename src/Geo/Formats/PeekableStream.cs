namespace OpenFabriques.Geo.Formats;

/// <summary>
/// A read-only stream whose first bytes can be looked at before reading: those bytes are then read
/// again, followed by the rest of the inner stream. Works on streams that cannot seek (HTTP bodies).
/// </summary>
public sealed class PeekableStream(Stream inner) : Stream
{
    private byte[] head = [];
    private int headPosition;

    /// <summary>Returns up to <paramref name="count"/> first bytes without consuming them.</summary>
    public async Task<ReadOnlyMemory<byte>> PeekAsync(int count, CancellationToken cancellationToken)
    {
        if (head.Length < count && headPosition == 0)
        {
            var buffer = new byte[count];
            head.CopyTo(buffer, 0);
            var read = head.Length + await inner.ReadAtLeastAsync(buffer.AsMemory(head.Length), count - head.Length, throwOnEndOfStream: false, cancellationToken);
            head = buffer[..read];
        }
        return head.AsMemory(headPosition);
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (headPosition < head.Length)
        {
            var n = Math.Min(buffer.Length, head.Length - headPosition);
            head.AsMemory(headPosition, n).CopyTo(buffer);
            headPosition += n;
            return n;
        }
        return await inner.ReadAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (headPosition < head.Length)
        {
            var n = Math.Min(count, head.Length - headPosition);
            Array.Copy(head, headPosition, buffer, offset, n);
            headPosition += n;
            return n;
        }
        return inner.Read(buffer, offset, count);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override bool CanRead => true;
    /// <inheritdoc />
    public override bool CanSeek => false;
    /// <inheritdoc />
    public override bool CanWrite => false;
    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();
    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    /// <inheritdoc />
    public override void Flush() { }
    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
