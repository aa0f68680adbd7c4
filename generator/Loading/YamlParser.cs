using Vestis.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vestis.Loading;

public static class YamlParser
{
    /// <summary>Parses one YAML document; a syntax error becomes a diagnostic at its real position.</summary>
    public static YamlDoc? Parse(string path, string text, int lineOffset, DiagnosticBag diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return new YamlDoc(path, lineOffset, root);
        }
        catch (YamlException e)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax,
                new SourceSpan(path, (int)e.Start.Line + lineOffset, (int)e.Start.Column),
                "YAML syntax error: " + Describe(e));
            return null;
        }
    }

    // YamlDotNet prefixes messages with the positions we already print; keep only the explanation.
    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && close > 0) message = message[(close + 3)..];
        return message.Trim().TrimEnd('.');
    }
}
