using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace Vestis.Templating;

/// <summary>
/// A template's output, encoded to UTF-8 as the template writes it, into a buffer kept from render to render. Taken as a
/// string first, every page of a build was also a string of twice its size, made only to be encoded.
/// </summary>
internal sealed class Utf8Output : IScriptOutput
{
    private readonly ArrayBufferWriter<byte> bytes = new(16 * 1024);

    // A high surrogate that ended a write, kept to be joined to the low one that starts the next. Like Encoding.UTF8,
    // the output writes a lone surrogate as U+FFFD. (An Encoder does the same, but costs more than the encoding of
    // the short texts most writes are.)
    private char pending;

    public void Write(string text, int offset, int count)
    {
        var chars = text.AsSpan(offset, count);
        if (pending != '\0' && chars.Length > 0 && char.IsLowSurrogate(chars[0]))
        {
            Encode([pending, chars[0]]);
            pending = '\0';
            chars = chars[1..];
        }
        else if (chars.Length > 0) Flush();
        if (chars.Length > 0 && char.IsHighSurrogate(chars[^1]))
        {
            pending = chars[^1];
            chars = chars[..^1];
        }
        Encode(chars);
    }

    /// <summary>Writes markup that is UTF-8 already, after what was written before it.</summary>
    public void Write(ReadOnlySpan<byte> utf8)
    {
        // Half a surrogate pair left by the text before is written as it would be at the end, not joined to these bytes.
        Flush();
        bytes.Write(utf8);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>The bytes written since the last call, and the output empty again.</summary>
    public byte[] Take()
    {
        var written = Written().ToArray();
        bytes.ResetWrittenCount();
        return written;
    }

    /// <summary>The bytes written so far, where they lie in the output's buffer.</summary>
    public ReadOnlyMemory<byte> Written()
    {
        Flush();
        return bytes.WrittenMemory;
    }

    /// <summary>Empties the output, of what a render that threw midway may have left in it.</summary>
    public void Clear()
    {
        bytes.ResetWrittenCount();
        pending = '\0';
    }

    // Template.Render returns its output's text: here nothing, as the text is taken in bytes (Take).
    public override string ToString() => "";

    private void Flush()
    {
        if (pending == '\0') return;
        Encode([pending]);
        pending = '\0';
    }

    private void Encode(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return;
        var written = Encoding.UTF8.GetBytes(chars, bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length)));
        bytes.Advance(written);
    }
}
