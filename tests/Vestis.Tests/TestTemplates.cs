namespace Vestis.Tests;

/// <summary>A copy of the real templates in a temporary folder, for tests that edit a template or a UI-strings file.</summary>
public sealed class TestTemplates : IDisposable
{
    public TestTemplates()
    {
        Root = Directory.CreateTempSubdirectory("vestis-templates-").FullName;
        Repository.Copy(Repository.Templates, Root);
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
