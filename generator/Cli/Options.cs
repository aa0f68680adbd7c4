using System.Globalization;
using Vestis.Loading;

namespace Vestis.Cli;

/// <summary>Parsed <c>--name value</c> and <c>--flag</c> options of one command; anything unknown is a usage error.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Options Parse(IReadOnlyList<string> args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Positional.Add(arg);
                continue;
            }
            if (flags.Contains(arg)) options.values[arg] = null;
            else if (valued.Contains(arg))
            {
                if (i + 1 >= args.Count) throw new UsageException($"{arg} needs a value");
                options.values[arg] = args[++i];
            }
            else throw new UsageException($"unknown option {arg}");
        }
        return options;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public string? Get(string name) => values.GetValueOrDefault(name);

    /// <summary>Whether the content folder exists; if not, says so in the canonical format.</summary>
    public static bool ContentExists(string content, TextWriter errors)
    {
        if (Directory.Exists(content)) return true;
        errors.WriteLine(ContentLoader.MissingFolder(content));
        return false;
    }

    /// <summary>How many files the stages work on at once: <c>--threads</c>, else one per processor.</summary>
    public int Threads() =>
        int.TryParse(Get("--threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), out var n) && n > 0
            ? n : throw new UsageException("--threads takes a whole number of at least 1");

    /// <summary>The build date: <c>--today</c>, else <c>SOURCE_DATE_EPOCH</c>, else today in UTC.</summary>
    public DateOnly Today() => Today(DateTime.UtcNow);

    /// <summary><c>--today</c>, else <c>SOURCE_DATE_EPOCH</c>, else the calendar date of <paramref name="now"/>.</summary>
    public DateOnly Today(DateTime now)
    {
        if (values.TryGetValue("--today", out var text))
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day : throw new UsageException($"--today takes a date written yyyy-mm-dd, not `{text}`");
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrEmpty(epoch))
            return long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime)
                : throw new UsageException($"SOURCE_DATE_EPOCH must be whole seconds since 1970, not `{epoch}`");
        return DateOnly.FromDateTime(now);
    }
}

internal sealed class UsageException(string message) : Exception(message);
