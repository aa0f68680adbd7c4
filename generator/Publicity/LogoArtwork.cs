using System.Buffers.Binary;
using System.Globalization;
using System.Xml;

namespace Vestis.Publicity;

/// <summary>
/// Reads the intrinsic size of a national logo, so pages can give the image its exact width and height:
/// the browser reserves its place before it loads, and the logo is scaled to the emblem's height, never above it.
/// </summary>
public static class LogoArtwork
{
    public static readonly IReadOnlyList<string> Formats = [".svg", ".png"];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width and height, or null with the reason the file cannot be used.</summary>
    public static (int Width, int Height)? Size(string fullPath, out string? problem)
    {
        problem = null;
        try
        {
            var size = Path.GetExtension(fullPath).ToLowerInvariant() switch
            {
                ".png" => PngSize(fullPath),
                ".svg" => SvgSize(fullPath),
                _ => null,
            };
            if (size is null)
                problem = Formats.Contains(Path.GetExtension(fullPath).ToLowerInvariant())
                    ? "its width and height cannot be read"
                    : $"a logo must be one of {string.Join(", ", Formats)}";
            return size;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            problem = $"it cannot be read ({e.Message})";
            return null;
        }
    }

    private static (int, int)? PngSize(string path)
    {
        // Signature (8 bytes), then the IHDR chunk: length, type, width, height (big-endian).
        Span<byte> header = stackalloc byte[24];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(header, 24, throwOnEndOfStream: false) < 24 || !header[..8].SequenceEqual(PngSignature) || !header[12..16].SequenceEqual("IHDR"u8))
            return null;
        var width = BinaryPrimitives.ReadInt32BigEndian(header[16..20]);
        var height = BinaryPrimitives.ReadInt32BigEndian(header[20..24]);
        return width > 0 && height > 0 ? (width, height) : null;
    }

    private static (int, int)? SvgSize(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "svg") return null;
        if (Length(reader.GetAttribute("width")) is { } w && Length(reader.GetAttribute("height")) is { } h) return (w, h);
        var box = (reader.GetAttribute("viewBox") ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return box.Length == 4 && Length(box[2]) is { } bw && Length(box[3]) is { } bh ? (bw, bh) : null;
    }

    private static int? Length(string? value)
    {
        var number = value?.Trim().TrimEnd('x', 'p').Trim();
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? (int)Math.Ceiling(n) : null;
    }
}
