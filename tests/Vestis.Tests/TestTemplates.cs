namespace Vestis.Tests;

/// <summary>
/// A copy of the real templates in a temporary folder, for tests that edit a template (to prove the audit
/// catches the edit) or that need UI strings for languages the bundled templates do not have yet.
/// </summary>
public sealed class TestTemplates : IDisposable
{
    /// <summary>Languages with label wording of their own (lt), and ones that borrow the member state's (ru, ltg).</summary>
    public static readonly IReadOnlyDictionary<string, (string Fallback, string Culture, string Name)> ExtraLanguages =
        new Dictionary<string, (string, string, string)>
        {
            ["lt"] = ("en", "lt-LT", "Lietuvių"),
            ["ru"] = ("en", "ru-RU", "Русский"),
            ["ltg"] = ("lv", "lv-LV", "Latgalīšu"),
        };

    public TestTemplates()
    {
        Root = Directory.CreateTempSubdirectory("vestis-templates-").FullName;
        Repository.Copy(Repository.Templates, Root);
        var names = "{ lv: Latviešu, en: English, " + string.Join(", ", ExtraLanguages.Select(l => $"{l.Key}: {l.Value.Name}")) + " }";
        var notes = "{ lv: (lv), en: (en), " + string.Join(", ", ExtraLanguages.Keys.Select(l => $"{l}: ({l})")) + " }";
        foreach (var own in new[] { "lv", "en" })
            Edit($"i18n/{own}.yml", text => text
                .Replace("  name: { lv: Latviešu, en: English }", $"  name: {names}")
                .Replace(text.Split('\n').First(l => l.StartsWith("  note: {", StringComparison.Ordinal)), $"  note: {notes}"));
        foreach (var (language, (fallback, culture, _)) in ExtraLanguages)
            File.WriteAllText(Path.Join(Root, "i18n", $"{language}.yml"),
                $"fallback: {fallback}\nformat:\n  culture: {culture}\nlanguage:\n  name: {names}\n  note: {notes}\n");
    }

    public string Root { get; }

    public void Edit(string relative, Func<string, string> change)
    {
        var path = Path.Join(Root, relative);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
