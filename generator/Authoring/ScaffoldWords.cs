using System.Globalization;
using Vestis.I18n;
using Vestis.Validation;

namespace Vestis.Authoring;

/// <summary>
/// The words of a new announcement in its author's language, from the <c>new.</c> UI strings: a note for
/// each field and the hints inside its placeholders.
/// </summary>
internal sealed class ScaffoldWords(UiStrings ui)
{
    public string this[string key] => ui[key];

    public string Note(string field) => ui[$"new.note.{field}"];

    /// <summary>A note with <c>{0}</c> in it, such as the project id a later announcement refers to.</summary>
    public string Note(string field, string value) => string.Format(CultureInfo.InvariantCulture, Note(field), value);

    /// <summary>A quoted placeholder that <c>check</c> rejects until the author replaces it.</summary>
    public string Blank(string hint) => NotedYaml.Quoted(Placeholder.For(ui[$"new.placeholder.{hint}"]));
}
