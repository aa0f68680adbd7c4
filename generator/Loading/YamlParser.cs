using Vestis.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Vestis.Loading;

public static class YamlParser
{
    /// <summary>
    /// Deeper than any content file needs (an announcement's budget sources sit at depth 4), and shallow enough
    /// that building the tree, which recurses once per level, never runs out of stack.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>Parses one YAML document; a syntax error or a limit becomes a diagnostic at its real position.</summary>
    public static YamlDoc? Parse(string path, string text, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new LimitedParser(SimpleYaml.TryRead(text) is { } events ? new Replay(events) : new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return new YamlDoc(path, lineOffset, root);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser throws this, not a YamlException, on some damaged text: it is reported after the last value read.
            var end = parser.Current?.End ?? Mark.Empty;
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceSpan(path, Math.Max(1, (int)end.Line) + lineOffset, Math.Max(1, (int)end.Column)),
                "YAML syntax error: the text after this point cannot be read as YAML");
            return null;
        }
        catch (LimitException e)
        {
            diagnostics.Error(e.Code, new SourceSpan(path, (int)e.Start.Line + lineOffset, (int)e.Start.Column), e.Message);
            return null;
        }
        catch (YamlException e)
        {
            var (line, column) = IndentingTab(text, e) ?? ((int)e.Start.Line, (int)e.Start.Column);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceSpan(path, line + lineOffset, column), "YAML syntax error: " + Describe(e));
            return null;
        }
    }

    // YamlDotNet reports a tab in the indentation where the mapping around it starts; an author needs the tab's line.
    private static (int Line, int Column)? IndentingTab(string text, YamlException e)
    {
        if (!e.Message.Contains("tab", StringComparison.Ordinal)) return null;
        var lines = text.Split('\n');
        for (var i = Math.Max(0, (int)e.Start.Line - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0) return (i + 1, tab + 1);
        }
        return null;
    }

    // YamlDotNet prefixes messages with the positions we already print; keep only the explanation.
    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && close > 0) message = message[(close + 3)..];
        return message.Trim().TrimEnd('.');
    }

    private sealed class LimitException(string code, Mark start, string message) : Exception(message)
    {
        public string Code { get; } = code;

        public Mark Start { get; } = start;
    }

    /// <summary>Gives events read beforehand, as a parser would.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = next < events.Count ? events[next++] : null;
            return Current is not null;
        }
    }

    /// <summary>
    /// Stops a hostile file as its events are read, before the tree is built: aliases (content has no use for
    /// them, and they are how a few lines expand to billions of values), nesting beyond <see cref="MaxDepth"/>,
    /// and values that hold control characters.
    /// </summary>
    private sealed class LimitedParser(IParser inner) : IParser
    {
        private int depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            switch (inner.Current)
            {
                case AnchorAlias alias:
                    throw new LimitException(DiagnosticCodes.YamlAlias, alias.Start,
                        $"YAML aliases (`*{alias.Value}`) are not accepted; write the value out");
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    throw new LimitException(DiagnosticCodes.NestedTooDeep, inner.Current.Start,
                        $"the YAML is nested more than {MaxDepth} levels deep");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
                case Scalar scalar when SourceText.FindControl(scalar.Value) is var control && control >= 0:
                    // Written as an escape (`"\v"`, `"\x13"`): the file's text is clean, the value is not.
                    throw new LimitException(DiagnosticCodes.ControlCharacter, scalar.Start, SourceText.ControlMessage(scalar.Value[control]));
            }
            return true;
        }
    }
}
