using System.Text;

namespace Vestis.Loading;

/// <summary>
/// A text held as UTF-8. Every announcement body of the site is held as Markdown from loading until it is rendered, and
/// as HTML until its pages are made; Latvian in UTF-8 takes little more than half the memory of a .NET string.
/// </summary>
public sealed class Utf8Text(ReadOnlySpan<char> text)
{
    private readonly byte[] utf8 = Encode(text);

    public ReadOnlyMemory<byte> Bytes => utf8;

    public override string ToString() => Encoding.UTF8.GetString(utf8);

    private static byte[] Encode(ReadOnlySpan<char> text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
