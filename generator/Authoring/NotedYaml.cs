using System.Text;

namespace Vestis.Authoring;

/// <summary>YAML written line by line for a person to read: a note after each field, the notes lined up in one column.</summary>
internal sealed class NotedYaml
{
    private const int NoteColumn = 38;
    private readonly StringBuilder text = new();

    /// <summary>A line of YAML, or a field left commented out, with its note after it.</summary>
    public NotedYaml Line(string yaml, string? note = null)
    {
        text.Append(yaml);
        if (!string.IsNullOrWhiteSpace(note))
            text.Append(' ', Math.Max(2, NoteColumn - yaml.Length)).Append("# ").Append(string.Join(' ', Lines(note)));
        text.Append('\n');
        return this;
    }

    /// <summary>A note on lines of its own, indented like the fields it is about.</summary>
    public NotedYaml Note(string indent, string note)
    {
        foreach (var line in Lines(note)) text.Append(indent).Append("# ").Append(line).Append('\n');
        return this;
    }

    /// <summary>A double-quoted scalar, so that a project id or a measure code stays text and is never read as a number.</summary>
    public static string Quoted(string value) => $"\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    public override string ToString() => text.ToString();

    // A note with a line break would end the comment and leave the rest as YAML.
    private static string[] Lines(string note) =>
        note.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
