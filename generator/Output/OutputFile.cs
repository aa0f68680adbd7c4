namespace Vestis.Output;

/// <summary>A file of the generated site: bytes made by the build, or a file copied as it is.</summary>
/// <param name="Path">Relative to the output folder, with '/' separators.</param>
public sealed record OutputFile(string Path, byte[]? Content, string? CopyFrom = null)
{
    public static OutputFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));
}
