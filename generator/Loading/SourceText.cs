using System.Buffers;
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

    /// <summary>
    /// C0 control characters other than tab and line feed, and the noncharacters U+FFFE and U+FFFF: XML cannot
    /// carry them, and no text needs them.
    /// </summary>
    private static readonly char[] Controls =
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not '\t' and not '\n'), '\uFFFE', '\uFFFF'];

    /// <summary>Reads a text file as strict UTF-8 with a BOM dropped and line ends made <c>\n</c>.</summary>
    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        byte[] buffer;
        int length;
        try
        {
            (buffer, length) = ReadAtMost(fullPath, MaxBytes + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceSpan.File(displayPath), $"cannot read the file: {e.Message}");
            return null;
        }
        try
        {
            return Decode(buffer.AsSpan(0, length), displayPath, diagnostics);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.Length > MaxBytes)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceSpan.File(displayPath),
                $"the file is larger than {MaxBytes / 1024 / 1024} MiB; a text file of content is never that long");
            return null;
        }
        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes[start..]);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var line = 1 + bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n');
            diagnostics.Error(DiagnosticCodes.UnreadableFile, new SourceSpan(displayPath, line, 1),
                "the file is not valid UTF-8 text; save it as UTF-8");
            return null;
        }
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var control = FindControl(text);
        if (control >= 0)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, control - 1)) + 1;
            var at = new SourceSpan(displayPath, 1 + text.AsSpan(0, control).Count('\n'), control - lineStart + 1);
            if (text[control] == '\0') diagnostics.Error(DiagnosticCodes.UnreadableFile, at, "the file contains a NUL character; it is not a text file");
            else diagnostics.Error(DiagnosticCodes.ControlCharacter, at, ControlMessage(text[control]));
            return null;
        }
        return text;
    }

    /// <summary>Where the first control character that no text may hold is, or -1.</summary>
    public static int FindControl(string text) => text.IndexOfAny(Controls);

    public static string ControlMessage(char control) =>
        $"the text contains the {(control < ' ' ? "control character" : "noncharacter")} U+{(int)control:X4}, which no page, feed or data file may carry; " +
        "delete it (word processors leave such characters in pasted text)";

    /// <summary>
    /// The file's bytes, at most <paramref name="limit"/> of them, in a buffer from the shared pool that the caller
    /// returns: read only to be decoded, a new array for each file was a twentieth of everything a build allocated.
    /// Bounded whatever the file claims: a device or a file growing while read has no trustworthy length.
    /// </summary>
    private static (byte[] Buffer, int Length) ReadAtMost(string fullPath, int limit)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit, stream.CanSeek && stream.Length > 0 ? stream.Length : 64 * 1024));
        var length = 0;
        try
        {
            while (length < limit)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = stream.Read(buffer, length, Math.Min(buffer.Length, limit) - length);
                if (read == 0) break;
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        return (buffer, length);
    }
}
