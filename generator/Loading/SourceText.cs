using System.Text;
using Vestis.Diagnostics;

namespace Vestis.Loading;

public static class SourceText
{
    /// <summary>
    /// A hundred times the longest announcement anyone writes; a larger text file is a mistake (a pasted
    /// document, a runaway script), and reading it would only slow every build.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a text file as strict UTF-8 with a BOM dropped and line ends made <c>\n</c>.</summary>
    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = ReadAtMost(fullPath, MaxBytes + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceSpan.File(displayPath), $"cannot read the file: {e.Message}");
            return null;
        }
        if (bytes.Length > MaxBytes)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceSpan.File(displayPath),
                $"the file is larger than {MaxBytes / 1024 / 1024} MiB; a text file of content is never that long");
            return null;
        }
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            diagnostics.Error(DiagnosticCodes.UnreadableFile, new SourceSpan(displayPath, line, 1),
                "the file is not valid UTF-8 text; save it as UTF-8");
            return null;
        }
        if (text.Contains('\0'))
        {
            var line = 1 + text.AsSpan(0, text.IndexOf('\0')).Count('\n');
            diagnostics.Error(DiagnosticCodes.UnreadableFile, new SourceSpan(displayPath, line, 1),
                "the file contains a NUL character; it is not a text file");
            return null;
        }
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    // Bounded whatever the file claims: a device or a file growing while read has no trustworthy length.
    private static byte[] ReadAtMost(string fullPath, int limit)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[(int)Math.Min(limit, stream.CanSeek && stream.Length > 0 ? stream.Length : 64 * 1024)];
        var length = 0;
        while (length < limit)
        {
            if (length == buffer.Length) Array.Resize(ref buffer, Math.Min(limit, buffer.Length * 2));
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
        }
        return length == buffer.Length ? buffer : buffer[..length];
    }
}
