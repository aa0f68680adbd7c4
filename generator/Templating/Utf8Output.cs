using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace Vestis.Templating;

/// <summary>
/// A page's output, encoded to UTF-8 as the template writes it, into a buffer kept from page to page. Taken as a
/// string first, every page of a build was also a string of twice its size, made only to be encoded.
/// </summary>
internal sealed class Utf8Output : IScriptOutput
{
    private readonly ArrayBufferWriter<byte> bytes = new(64 * 1024);

    // An encoder keeps a surrogate pair whole even if a write ends between its halves; like Encoding.UTF8, it writes
    // a lone surrogate as U+FFFD.
    private readonly Encoder encoder = Encoding.UTF8.GetEncoder();

    public void Write(string text, int offset, int count) =>
        encoder.Convert(text.AsSpan(offset, count), bytes, flush: false, out _, out _);

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>The bytes written since the last call, and the output empty again.</summary>
    public byte[] Take()
    {
        encoder.Convert([], bytes, flush: true, out _, out _);
        var written = bytes.WrittenSpan.ToArray();
        bytes.ResetWrittenCount();
        return written;
    }

    /// <summary>Empties the output, of what a render that threw midway may have left in it.</summary>
    public void Clear()
    {
        bytes.ResetWrittenCount();
        encoder.Reset();
    }

    // Template.Render returns its output's text: here nothing, as the page is taken in bytes (Take).
    public override string ToString() => "";
}
