using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vestis.Diagnostics;

namespace Vestis.Output;

/// <summary>
/// What the last successful build into an output folder was made from (a hash of every input byte, the options
/// and the generator itself), what it wrote (each file's length and time of last change) and what it reported.
/// It lies beside the output folder, never in it, so it is not published. A build whose inputs hash the same,
/// into an output folder that still holds exactly those files, has nothing to do: it reports the same and writes
/// nothing. Any difference, or a stamp that cannot be read, means a full build.
/// </summary>
public sealed record BuildStamp(string Inputs, IReadOnlyList<SiteFile> Files, IReadOnlyDictionary<string, FileState> Output,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The hash of what a build with <paramref name="options"/> would be made from; null when an input is a link or cannot be read.</summary>
    public static string? InputsOf(BuildOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var generator = typeof(BuildStamp).Assembly.ManifestModule.ModuleVersionId;
        Add(hash, $"{generator}\n{Path.GetFullPath(options.ContentDirectory)}\n{Path.GetFullPath(options.TemplatesDirectory)}\n" +
            $"{options.IncludeDrafts}\n{options.IncludeFuture}\n{options.Today:yyyy-MM-dd}\n");
        foreach (var folder in new[] { options.ContentDirectory, options.TemplatesDirectory })
        {
            if (Scan(folder) is not { } found) return null;
            var files = found.Keys.Order(StringComparer.Ordinal).ToList();
            var hashes = new byte[files.Count][];
            try
            {
                Parallel.For(0, files.Count, options.Workers,
                    i => hashes[i] = SHA256.HashData(File.ReadAllBytes(Path.Join(folder, files[i]))));
            }
            catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is IOException or UnauthorizedAccessException))
            {
                return null;
            }
            for (var i = 0; i < files.Count; i++)
            {
                Add(hash, $"{files[i].Length}:{files[i]}");
                hash.AppendData(hashes[i]);
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The stamp of the last build into <paramref name="outputDirectory"/>, if that build was made from
    /// <paramref name="inputs"/> and the folder is still there; null otherwise, or when it cannot be read.
    /// </summary>
    public static BuildStamp? Read(string outputDirectory, string inputs)
    {
        // A stamp lists every file of the site (10 MB at 10k, a fifth of a second to read): it is read whole only
        // when it can still describe the folder.
        if (!Directory.Exists(outputDirectory)) return null;
        try
        {
            using var stream = File.OpenRead(PathFor(outputDirectory));
            if (!BeginsWith(stream, inputs)) return null;
            stream.Position = 0;
            return JsonSerializer.Deserialize(stream, StampJson.Default.BuildStamp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Whether the stamp names <paramref name="inputs"/> first, as <see cref="Write"/> writes it (any other stamp is read whole).</summary>
    private static bool BeginsWith(Stream stream, string inputs)
    {
        Span<byte> head = stackalloc byte[256];
        var reader = new Utf8JsonReader(head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)], isFinalBlock: false, default);
        if (!(reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
            && reader.ValueTextEquals(nameof(Inputs)))) return true;
        return reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(inputs);
    }

    /// <summary>Whether a build of <paramref name="inputs"/> would make exactly what <paramref name="outputDirectory"/> holds.</summary>
    public bool StillDescribes(string inputs, string outputDirectory) =>
        Inputs == inputs && Scan(outputDirectory) is { } now && now.Count == Output.Count
        && now.All(f => Output.TryGetValue(f.Key, out var before) && before == f.Value);

    /// <summary>Records a successful build; a stamp that cannot be written only costs the next build its shortcut.</summary>
    /// <param name="output">Every file the build left in the output folder, as it left it (<see cref="SiteDraft.States"/>).</param>
    public static void Write(string outputDirectory, string inputs, IReadOnlyList<SiteFile> files, IReadOnlyDictionary<string, FileState> output,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        var path = PathFor(outputDirectory);
        var temp = $"{path}.{Environment.ProcessId}";
        try
        {
            using (var stream = File.Create(temp))
                JsonSerializer.Serialize(stream, new BuildStamp(inputs, files, output, diagnostics), StampJson.Default.BuildStamp);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Forget(outputDirectory);
        }
    }

    /// <summary>Drops the stamp, before a build changes the output folder.</summary>
    public static void Forget(string outputDirectory)
    {
        try
        {
            File.Delete(PathFor(outputDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in place, it still names the old inputs and files, which the next build compares.
        }
    }

    private static string PathFor(string outputDirectory)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Join(Path.GetDirectoryName(target), $".{Path.GetFileName(target)}.stamp");
    }

    /// <summary>Every file below <paramref name="folder"/> by its relative path; null when the folder is missing or holds a link.</summary>
    private static Dictionary<string, FileState>? Scan(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        var root = Path.GetFullPath(folder);
        var linked = false;
        var entries = new FileSystemEnumerable<(string Path, FileState State)>(root,
            (ref FileSystemEntry entry) => (Path.GetRelativePath(root, entry.ToFullPath()).Replace('\\', '/'),
                new FileState(entry.Length, entry.LastWriteTimeUtc.UtcTicks)),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
            {
                linked |= (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                return !entry.IsDirectory;
            },
        };
        try
        {
            var files = entries.ToDictionary(e => e.Path, e => e.State, StringComparer.Ordinal);
            return linked ? null : files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Add(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}

/// <summary>A file as the file system describes it: enough to notice that it was changed, replaced or removed.</summary>
public sealed record FileState(long Length, long Modified);

/// <summary>The stamp's JSON, made when the generator is compiled: the tool may be compiled ahead of time, where nothing is generated at run time.</summary>
[JsonSerializable(typeof(BuildStamp))]
internal sealed partial class StampJson : JsonSerializerContext;
