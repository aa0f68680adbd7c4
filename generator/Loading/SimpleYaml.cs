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
    // Anywhere in the text: characters whose YAML meaning the subset leaves out (escapes, tabs, other line breaks,
    // a byte order mark, characters outside the basic plane, which YamlDotNet may count differently in columns).
    private static readonly SearchValues<char> Declined = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016" +
        "\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0085\u2028\u2029\uFEFF\\");

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
            while (at < lineEnd && text[at] == ' ') at++;
            return at - lineStart;
        }

        /// <summary>A block mapping or sequence whose entries are indented by <paramref name="indent"/>, up to the first line indented less.</summary>
        private bool Block(int indent, bool sequence)
        {
            var start = Here();
            Events.Add(sequence
                ? new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, start, start)
                : new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, start));
            while (true)
            {
                if (!(sequence ? SequenceEntry() : MappingEntry(indent))) return false;
                if (lineStart >= text.Length) break;
                var next = Indent();
                if (next < indent) break;
                if (next > indent) return false;
            }
            var end = Here();
            Events.Add(sequence ? new SequenceEnd(end, end) : new MappingEnd(end, end));
            return true;
        }

        private bool MappingEntry(int indent) => Key() && (at >= lineEnd ? NestedBlock(indent) : InlineValue());

        private bool SequenceEntry()
        {
            if (at + 1 >= lineEnd || text[at] != '-' || text[at + 1] != ' ') return false;
            at++;
            while (at < lineEnd && text[at] == ' ') at++;
            return at < lineEnd && InlineValue();
        }

        /// <summary>A key and its colon; <see cref="at"/> is left on its value, or at the end of the line.</summary>
        private bool Key()
        {
            var start = at;
            var length = text.AsSpan(at, lineEnd - at).IndexOfAnyExcept(KeyCharacters);
            if (length <= 0 || text[at] == '-' || text[at + length] != ':') return false;
            at += length;
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text[start..at], ScalarStyle.Plain, true, false, At(start), Here(), true));
            at++;
            if (at == lineEnd) return true;
            if (text[at] != ' ') return false;
            while (at < lineEnd && text[at] == ' ') at++;
            return at < lineEnd;
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
            var start = Here();
            Events.Add(sequence
                ? new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, start, start)
                : new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, start, start));
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
            var end = Here();
            Events.Add(sequence ? new SequenceEnd(end, end) : new MappingEnd(end, end));
            return true;
        }

        /// <summary>A plain key in a flow mapping, its colon and the spaces after it.</summary>
        private bool FlowKey()
        {
            var key = at;
            var length = text.AsSpan(at, lineEnd - at).IndexOfAnyExcept(KeyCharacters);
            if (length <= 0 || text[at] == '-' || text[at + length] != ':' || at + length + 1 >= lineEnd || text[at + length + 1] != ' ') return false;
            Plain(key, key + length, isKey: true);
            at += length + 1;
            SkipSpaces();
            return true;
        }
    }
}
