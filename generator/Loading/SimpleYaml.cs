using System.Buffers;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vestis.Loading;

/// <summary>
/// Reads the YAML that content files are written in straight into the events YamlDotNet's parser would give, and
/// declines (null) any text that strays from it, which YamlDotNet's own parser then reads. YamlDotNet's scanner was
/// most of the time spent on front matter, about 8 % of a build's CPU. The subset: block mappings with plain keys,
/// each nested block indented further than its key; block sequences indented under their key; flow sequences and
/// mappings of scalars on one line; plain scalars and double-quoted ones without escapes; blank and comment lines.
/// No tabs, carriage returns, comments after a value, empty values or multi-line scalars. Within it the events are
/// YamlDotNet's to the start of every node, the only position the checks report (SimpleYamlTests compares them).
/// </summary>
public static class SimpleYaml
{
    // Anywhere in the text: characters whose YAML meaning the subset leaves out (control characters and tabs, escapes,
    // other line breaks, a byte order mark). Characters outside the basic plane are left out as well: YamlDotNet may
    // count them differently in columns.
    private static readonly SearchValues<char> Declined = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c != '\n').Select(c => (char)c), '\u007F', '\u0085', '\u2028', '\u2029', '\uFEFF', '\\']);

    private static readonly SearchValues<char> KeyCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    // What a plain scalar may not begin with: YAML's indicators, and quotes.
    private static readonly SearchValues<char> Indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@` ");

    // What ends a plain scalar in a flow collection, or is left out of one.
    private static readonly SearchValues<char> FlowSpecial = SearchValues.Create(",[]{}:#\"'");

    /// <summary>The events of the text's one document, or null when the text strays from the subset.</summary>
    public static List<ParsingEvent>? TryRead(string text)
    {
        if (text.AsSpan().IndexOfAny(Declined) >= 0 || text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0) return null;
        var reader = new Reader(text);
        return reader.Document() ? reader.Events : null;
    }

    private ref struct Reader(string text)
    {
        private readonly string text = text;
        public readonly List<ParsingEvent> Events = [];
        private int lineStart;
        private int lineEnd = -1;
        private int line;
        private int at;

        public bool Document()
        {
            if (!NextLine() || Indent() != 0) return false;
            Events.Add(new StreamStart(Mark.Empty, Mark.Empty));
            var start = Here();
            Events.Add(new DocumentStart(null, null, true, start, start));
            if (!Block(0, sequence: false) || lineStart < text.Length) return false;
            var end = Here();
            Events.Add(new DocumentEnd(true, end, end));
            Events.Add(new StreamEnd(end, end));
            return true;
        }

        private readonly Mark Here() => At(at);

        private readonly Mark At(int index) => new(index, line, index - lineStart + 1);

        /// <summary>Moves to the next line with more than spaces or a comment on it; false at the end of the text.</summary>
        private bool NextLine()
        {
            while (lineEnd < text.Length)
            {
                lineStart = lineEnd + 1;
                line++;
                var newline = lineStart < text.Length ? text.IndexOf('\n', lineStart) : -1;
                lineEnd = newline < 0 ? text.Length : newline;
                at = lineStart;
                var first = text.AsSpan(lineStart, lineEnd - lineStart).IndexOfAnyExcept(' ');
                if (first >= 0 && text[lineStart + first] != '#') return true;
            }
            lineStart = text.Length;
            at = lineStart;
            return false;
        }

        /// <summary>The current line's indentation, leaving <see cref="at"/> at its first character.</summary>
        private int Indent()
        {
            at = lineStart;
            SkipSpaces();
            return at - lineStart;
        }

        /// <summary>A block mapping or sequence whose entries are indented by <paramref name="indent"/>, up to the first line indented less.</summary>
        private bool Block(int indent, bool sequence)
        {
            Open(sequence, flow: false);
            while (true)
            {
                if (!(sequence ? SequenceEntry() : MappingEntry(indent))) return false;
                if (lineStart >= text.Length) break;
                var next = Indent();
                if (next < indent) break;
                if (next > indent) return false;
            }
            Close(sequence);
            return true;
        }

        private readonly void Open(bool sequence, bool flow)
        {
            var start = Here();
            Events.Add(sequence
                ? new SequenceStart(AnchorName.Empty, TagName.Empty, true, flow ? SequenceStyle.Flow : SequenceStyle.Block, start, start)
                : new MappingStart(AnchorName.Empty, TagName.Empty, true, flow ? MappingStyle.Flow : MappingStyle.Block, start, start));
        }

        private readonly void Close(bool sequence)
        {
            var end = Here();
            Events.Add(sequence ? new SequenceEnd(end, end) : new MappingEnd(end, end));
        }

        private bool MappingEntry(int indent) => Key() && (at >= lineEnd ? NestedBlock(indent) : InlineValue());

        private bool SequenceEntry()
        {
            if (at + 1 >= lineEnd || text[at] != '-' || text[at + 1] != ' ') return false;
            at++;
            SkipSpaces();
            return at < lineEnd && InlineValue();
        }

        /// <summary>A key of a block mapping and its colon; <see cref="at"/> is left on its value, or at the end of the line.</summary>
        private bool Key()
        {
            if (!PlainKey()) return false;
            if (at == lineEnd) return true;
            if (text[at] != ' ') return false;
            SkipSpaces();
            return at < lineEnd;
        }

        /// <summary>A key in the subset's plain letters and its colon, which <see cref="at"/> is left after.</summary>
        private bool PlainKey()
        {
            var length = text.AsSpan(at, lineEnd - at).IndexOfAnyExcept(KeyCharacters);
            if (length <= 0 || text[at] == '-' || text[at + length] != ':') return false;
            Plain(at, at + length, isKey: true);
            at += length + 1;
            return true;
        }

        /// <summary>The block under a key with nothing after its colon: a mapping, or a sequence, indented further.</summary>
        private bool NestedBlock(int indent)
        {
            if (!NextLine()) return false;
            var nested = Indent();
            if (nested <= indent) return false;
            return Block(nested, sequence: text[at] == '-');
        }

        /// <summary>A value that ends its line: then moves to the next line with text, if any.</summary>
        private bool InlineValue()
        {
            var value = text[at] switch
            {
                '"' => DoubleQuoted(),
                '[' => Flow(sequence: true),
                '{' => Flow(sequence: false),
                _ => BlockPlain(),
            };
            if (!value || at != lineEnd) return false;
            NextLine();
            return true;
        }

        private bool BlockPlain()
        {
            var value = text.AsSpan(at, lineEnd - at);
            if (Indicators.Contains(value[0]) || value[^1] is ' ' or ':' || value.Contains(": ", StringComparison.Ordinal) || value.Contains('#')) return false;
            Plain(at, lineEnd, isKey: false);
            at = lineEnd;
            return true;
        }

        private readonly void Plain(int start, int end, bool isKey) =>
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text[start..end], ScalarStyle.Plain, true, false, At(start), At(end), isKey));

        private bool DoubleQuoted()
        {
            var start = at;
            var close = text.AsSpan(at + 1, lineEnd - at - 1).IndexOf('"');
            if (close < 0) return false;
            at += close + 2;
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text[(start + 1)..(at - 1)], ScalarStyle.DoubleQuoted, false, true, At(start), Here(), false));
            return true;
        }

        /// <summary>A scalar in a flow collection: double-quoted, or plain up to the next comma or closing bracket.</summary>
        private bool FlowScalar()
        {
            if (at >= lineEnd) return false;
            if (text[at] == '"') return DoubleQuoted();
            var length = text.AsSpan(at, lineEnd - at).IndexOfAny(FlowSpecial);
            if (length <= 0 || Indicators.Contains(text[at])) return false;
            var end = at + length;
            while (text[end - 1] == ' ') end--;
            Plain(at, end, isKey: false);
            at += length;
            return true;
        }

        private void SkipSpaces()
        {
            while (at < lineEnd && text[at] == ' ') at++;
        }

        /// <summary>After an entry of a flow collection: a comma and the next entry, or the closing bracket (true, and passed).</summary>
        private bool? Closes(char close)
        {
            SkipSpaces();
            if (at >= lineEnd) return null;
            if (text[at] == close)
            {
                at++;
                return true;
            }
            if (text[at] != ',') return null;
            at++;
            SkipSpaces();
            return at < lineEnd && text[at] != close ? false : null;
        }

        /// <summary>A flow sequence of scalars, or a flow mapping of plain keys to scalars, closed on its line.</summary>
        private bool Flow(bool sequence)
        {
            Open(sequence, flow: true);
            var close = sequence ? ']' : '}';
            at++;
            SkipSpaces();
            var closed = at < lineEnd && text[at] == close;
            if (closed) at++;
            while (!closed)
            {
                if (!sequence && !FlowKey() || !FlowScalar() || Closes(close) is not { } ends) return false;
                closed = ends;
            }
            Close(sequence);
            return true;
        }

        /// <summary>A key in a flow mapping, its colon and the spaces after it.</summary>
        private bool FlowKey()
        {
            if (!PlainKey() || at >= lineEnd || text[at] != ' ') return false;
            SkipSpaces();
            return true;
        }
    }
}
