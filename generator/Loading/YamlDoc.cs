using Vestis.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Vestis.Loading;

/// <summary>A parsed YAML document that remembers where it came from, so every value keeps its position.</summary>
/// <param name="LineOffset">Lines before the YAML text in its file (1 for front matter after its opening <c>---</c>).</param>
public sealed record YamlDoc(string Path, int LineOffset, YamlNode? Root)
{
    public SourceSpan SpanOf(YamlNode node) =>
        new(Path, (int)node.Start.Line + LineOffset, (int)node.Start.Column);

    /// <summary>Where a missing field is reported: the start of the document (the opening <c>---</c> of front matter).</summary>
    public SourceSpan Start => new(Path, 1, 1);
}
