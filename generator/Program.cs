using Vestis.Cli;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return CommandLine.Run(args, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected);
