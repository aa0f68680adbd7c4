using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Vestis.Output;

/// <summary>
/// Writes a generated document straight to UTF-8 bytes, ending in a line break. At national scale the sitemap,
/// the project lists and the search indexes are tens of MB each; made through a string, each would be held
/// several times over (builder, string, bytes).
/// </summary>
public static class Utf8Document
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Json(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, options)) write(json);
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An XML document whose declaration says UTF-8, and is.</summary>
    public static byte[] Xml(XmlWriterSettings settings, Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        var utf8 = settings.Clone();
        utf8.Encoding = Utf8;
        using (var xml = XmlWriter.Create(stream, utf8)) write(xml);
        stream.Write("\n"u8);
        return stream.ToArray();
    }

    public static byte[] Text(Action<TextWriter> write)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, Utf8)) write(text);
        return stream.ToArray();
    }
}
