using System.Runtime.InteropServices;

namespace Vestis.Output;

/// <summary>
/// A second name for an existing file (POSIX <c>link</c>), so an unchanged page is not written again. The
/// previous site keeps its own name for the data until it is removed, so an interrupted build loses nothing.
/// </summary>
internal static class HardLinks
{
    /// <returns>False where links are not available (Windows, another file system): the caller writes a copy.</returns>
    public static bool TryLink(string existing, string newName)
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            return Link(existing, newName) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, and on Unix a string is passed as UTF-8 either way.
    [DllImport("libc", EntryPoint = "link")]
    private static extern int Link(string existing, string newName);
}
