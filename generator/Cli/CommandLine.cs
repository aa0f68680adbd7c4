namespace Vestis.Cli;

public static class CommandLine
{
    private const string Usage = """
        usage: vestis <command> [options]

          build [--content DIR] [--templates DIR] [--output DIR] [--drafts] [--today yyyy-mm-dd] [--threads N]
                builds the site (defaults: content, templates, site-output)
          check [--content DIR] [--templates DIR] [--drafts] [--today yyyy-mm-dd] [--format text|json] [--threads N]
                validates everything a build would, writes nothing; json: one object for editors and CI
          serve [--content DIR] [--templates DIR] [--port N] [--today yyyy-mm-dd] [--threads N]
                builds into memory and serves on http://127.0.0.1:8123/ (--port 0: any free port),
                shows drafts and future announcements, rebuilds and reloads the browser on every change
          new <municipality-id> <slug> [--lang xx] [--project ID] [--kind K] [--content DIR] [--templates DIR] [--today yyyy-mm-dd]
                writes a ready-to-edit announcement dated today; never overwrites

        exit codes: 0 success (warnings allowed), 1 content errors, 2 wrong usage
        """;

    /// <param name="terminal">Whether <paramref name="output"/> is a terminal, where a build draws a progress bar.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors, bool terminal = false)
    {
        try
        {
            return args.Count == 0 ? Fail("no command given", errors) : args[0] switch
            {
                "build" => BuildCommand.Run(args.Skip(1).ToList(), write: true, output, errors, terminal),
                "check" => BuildCommand.Run(args.Skip(1).ToList(), write: false, output, errors, terminal),
                "serve" => ServeCommand.Run(args.Skip(1).ToList(), output, errors),
                "new" => NewCommand.Run(args.Skip(1).ToList(), output, errors),
                "help" or "--help" or "-h" => Help(output),
                _ => Fail($"unknown command `{args[0]}`", errors),
            };
        }
        catch (UsageException e)
        {
            return Fail(e.Message, errors);
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }

    private static int Fail(string message, TextWriter errors)
    {
        errors.WriteLine($"vestis: {message}");
        errors.WriteLine(Usage);
        return 2;
    }
}
