using System.Runtime.InteropServices;

namespace Vestis.Output;

/// <summary>
/// Swaps two folders' names in one step (Linux <c>renameat2</c> with <c>RENAME_EXCHANGE</c>), so that at no
/// moment is there no site under the output folder's name, not even if the build is killed mid-swap.
/// </summary>
internal static class FolderExchange
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint Exchange = 2; // RENAME_EXCHANGE

    /// <returns>False where the exchange is not available (another system, an old kernel or file system): the caller renames twice.</returns>
    public static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(CurrentDirectory, first, CurrentDirectory, second, Exchange) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport, as in HardLinks: no unsafe code, and a string is passed as UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "renameat2")]
    private static extern int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
