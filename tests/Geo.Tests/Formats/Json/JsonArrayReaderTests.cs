using System.Text;
using System.Text.Json;
using OpenFabriques.Geo.Formats;
using OpenFabriques.Geo.Formats.Json;

namespace OpenFabriques.Geo.Tests.Formats.Json;

public class JsonArrayReaderTests
{
    /// <summary>A stream that hands out a few bytes at a time, as a network does.</summary>
    private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }

    private static async Task<List<JsonElement>> ReadAsync(string json, string? property, int chunk = 7)
    {
        var list = new List<JsonElement>();
        await foreach (var e in JsonArrayReader.ReadAsync(new Trickle(Encoding.UTF8.GetBytes(json), chunk), property)) list.Add(e);
        return list;
    }

    [Fact]
    public async Task Streams_the_features_after_other_properties_whatever_the_chunking()
    {
        var json = """{"type":"FeatureCollection","crs":{"a":[1,{"features":[9]}]},"features":[{"id":1},{"id":2,"p":{"features":[]}}],"x":1}""";

        foreach (var chunk in new[] { 1, 3, 7, 1000 })
            Assert.Equal([1, 2], (await ReadAsync(json, "features", chunk)).Select(e => e.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Reads_elements_larger_than_its_buffer()
    {
        var big = new string('é', 200_000);
        var json = $"[{{\"nom\":\"{big}\"}},{{\"nom\":\"b\"}}]";

        var items = await ReadAsync(json, null, 50_000);

        Assert.Equal([big, "b"], items.Select(e => e.GetProperty("nom").GetString()));
    }

    [Fact]
    public async Task Says_plainly_when_the_array_is_missing()
    {
        await Assert.ThrowsAsync<SourceFormatException>(() => ReadAsync("""{"type":"FeatureCollection"}""", "features"));
        await Assert.ThrowsAsync<SourceFormatException>(() => ReadAsync("""{"a":1}""", null));
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAsync("""[{"a":1},{"b":""", null));
    }

    [Fact]
    public async Task Skips_a_byte_order_mark_whatever_the_chunking()
    {
        // What a Windows editor saves as « UTF-8 »: the mark, then the document.
        foreach (var chunk in new[] { 1, 2, 3, 1000 })
        {
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""[{"id":1},{"id":2}]""")).ToArray();
            var list = new List<JsonElement>();
            await foreach (var e in JsonArrayReader.ReadAsync(new Trickle(bytes, chunk), null)) list.Add(e);
            Assert.Equal([1, 2], list.Select(e => e.GetProperty("id").GetInt32()));
        }
    }
}
