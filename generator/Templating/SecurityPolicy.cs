namespace Vestis.Templating;

/// <summary>
/// The Content-Security-Policy every page carries in a meta element. It allows the site's own scripts,
/// styles, images and data and nothing else, so no page can make a reader's browser ask a third party for
/// anything, even when content or an edited template tries; <c>frame-ancestors</c> is left out because a
/// meta element cannot set it, and embeds are meant to be framed anywhere.
/// </summary>
public static class SecurityPolicy
{
    public const string ForPages =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; " +
        "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'";
}
