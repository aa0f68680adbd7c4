using Vestis.Authoring;

namespace Vestis.Cli;

/// <summary><c>new</c>: writes a ready-to-edit announcement dated today.</summary>
internal static class NewCommand
{
    private static readonly HashSet<string> Valued = ["--content", "--templates", "--today", "--lang", "--project", "--kind"];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var options = Options.Parse(args, Valued, new HashSet<string>());
        if (options.Positional is not [var municipality, var slug])
            throw new UsageException("new takes a municipality id and a slug: new <municipality-id> <slug>");
        var result = NewAnnouncement.Create(new NewAnnouncementRequest(
            options.Get("--content", "content"),
            options.Get("--templates", "templates"),
            municipality,
            slug,
            options.Get("--lang"),
            options.Get("--project"),
            options.Get("--kind"),
            // The officer's own calendar day is the date they mean, not the day in UTC.
            options.Today(DateTime.Now)));

        if (result.WrongArgument is { } wrong) throw new UsageException(wrong);
        foreach (var error in result.Errors) errors.WriteLine(error);
        if (result.Path is null)
        {
            output.WriteLine("new wrote nothing");
            return 1;
        }
        output.WriteLine($"wrote {result.Path}");
        output.WriteLine($"edit it, replacing every <<…>>, then run check; it will be published at {result.Address}");
        return 0;
    }
}
