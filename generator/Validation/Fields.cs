using System.Globalization;
using System.Text.RegularExpressions;
using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vestis.Validation;

/// <summary>
/// Reads typed values out of one YAML document. Every problem becomes a diagnostic at the value's
/// own line and column; a value that is wrong comes back as null so checking can go on.
/// </summary>
internal sealed partial class Fields(YamlDoc doc, DiagnosticBag diagnostics)
{
    public YamlDoc Doc => doc;

    public SourceSpan SpanOf(YamlNode node) => doc.SpanOf(node);

    public void Error(string code, YamlNode node, string message) => diagnostics.Error(code, SpanOf(node), message);

    public void Error(string code, SourceSpan span, string message) => diagnostics.Error(code, span, message);

    public void Warning(string code, SourceSpan span, string message) => diagnostics.Warning(code, span, message);

    /// <summary>
    /// The root mapping of the document; an empty document is an empty mapping. Every placeholder left in the
    /// document's values is reported here, once, also where an earlier error keeps a value from being read.
    /// </summary>
    public YamlMappingNode? Root(string what)
    {
        if (doc.Root is null || IsNull(doc.Root)) return new YamlMappingNode();
        ReportPlaceholders(doc.Root, "");
        return AsMapping(doc.Root, what);
    }

    private void ReportPlaceholders(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } value } when Placeholder.In(value) is { } placeholder:
                Error(DiagnosticCodes.Placeholder, node, $"fill in the placeholder {placeholder} in `{path}`");
                break;
            case YamlSequenceNode list:
                foreach (var item in list) ReportPlaceholders(item, path);
                break;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                    ReportPlaceholders(value, path.Length == 0 ? $"{key}" : $"{path}.{key}");
                break;
        }
    }

    public YamlMappingNode? AsMapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map) return map;
        Error(DiagnosticCodes.WrongType, node, $"{what} must be a mapping of `key: value` fields");
        return null;
    }

    /// <summary>Reports every key that is not one of <paramref name="allowed"/>.</summary>
    public void AllowOnly(YamlMappingNode map, string where, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
                Error(DiagnosticCodes.UnknownField, key,
                    $"unknown field `{name}` in {where}; expected one of: {string.Join(", ", allowed)}");
        }
    }

    /// <summary>The value of <paramref name="key"/>, or null when it is absent or written as null.</summary>
    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode s && s.Value == key)
                return IsNull(v) ? null : v;
        return null;
    }

    /// <summary>The key node itself, for reporting a problem with a whole field.</summary>
    public static YamlNode? KeyNode(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s
        && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <param name="requiredAt">Where to report the field missing; null when the field is optional.</param>
    public YamlNode? Field(YamlMappingNode map, string key, SourceSpan? requiredAt)
    {
        var node = Get(map, key);
        if (node is null && requiredAt is { } span)
            Error(DiagnosticCodes.RequiredField, span, $"required field `{key}` is missing");
        return node;
    }

    /// <summary>A single value; one still holding a placeholder (reported by <see cref="Root"/>) is not there yet: null.</summary>
    public string? Scalar(YamlNode node, string key)
    {
        if (node is not YamlScalarNode s)
        {
            Error(DiagnosticCodes.WrongType, node, $"`{key}` must be a single value, not a list or mapping");
            return null;
        }
        return Placeholder.In(s.Value ?? "") is null ? s.Value ?? "" : null;
    }

    public string? Text(YamlMappingNode map, string key, SourceSpan? requiredAt = null, int maxLength = int.MaxValue)
    {
        var node = Field(map, key, requiredAt);
        return node is null ? null : TextValue(node, key, maxLength);
    }

    public string? TextValue(YamlNode node, string key, int maxLength = int.MaxValue)
    {
        var value = Scalar(node, key)?.Trim();
        if (value is null) return null;
        if (value.Length == 0)
        {
            Error(DiagnosticCodes.TextLength, node, $"`{key}` is empty");
            return null;
        }
        var length = new StringInfo(value).LengthInTextElements;
        if (length > maxLength)
        {
            Error(DiagnosticCodes.TextLength, node, $"`{key}` is {length} characters long; at most {maxLength} are allowed");
            return null;
        }
        return value;
    }

    public DateOnly? Date(YamlMappingNode map, string key, SourceSpan? requiredAt = null)
    {
        var node = Field(map, key, requiredAt);
        return node is null ? null : DateValue(node, key);
    }

    public DateOnly? DateValue(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        if (!IsoDate().IsMatch(text))
        {
            Error(DiagnosticCodes.InvalidDate, node, $"`{key}` must be a date written yyyy-mm-dd, not `{text}`");
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(DiagnosticCodes.InvalidDate, node, $"date {text} does not exist");
            return null;
        }
        return date;
    }

    public bool? Bool(YamlMappingNode map, string key)
    {
        var node = Field(map, key, null);
        if (node is null) return null;
        var text = Scalar(node, key);
        switch (text)
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                Error(DiagnosticCodes.WrongType, node, $"`{key}` must be true or false, not `{text}`");
                return null;
        }
    }

    public int? PositiveInt(YamlMappingNode map, string key, SourceSpan? requiredAt = null, string code = DiagnosticCodes.WrongType)
    {
        var node = Field(map, key, requiredAt);
        if (node is null) return null;
        var text = Scalar(node, key);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            Error(code, node, $"`{key}` must be a whole number of at least 1, not `{text}`");
            return null;
        }
        return value;
    }

    /// <summary>A non-negative decimal written plainly (447060.00); <paramref name="maxDecimals"/> guards money to the cent.</summary>
    public decimal? Decimal(YamlNode node, string key, int maxDecimals, string precisionCode)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        if (text.StartsWith('-') && PlainNumber().IsMatch(text[1..]))
        {
            Error(DiagnosticCodes.NegativeAmount, node, $"`{key}` must not be negative");
            return null;
        }
        if (!PlainNumber().IsMatch(text)
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error(DiagnosticCodes.WrongType, node, $"`{key}` must be a number written like 447060.00 (no spaces or thousands separators), not `{text}`");
            return null;
        }
        var dot = text.IndexOf('.');
        if (dot >= 0 && text.Length - dot - 1 > maxDecimals)
        {
            Error(precisionCode, node, maxDecimals == 2
                ? $"money has more than two decimals: {text}"
                : $"`{key}` has more than {maxDecimals} decimals: {text}");
            return null;
        }
        return value;
    }

    public IReadOnlyList<(string Value, YamlNode Node)>? List(YamlMappingNode map, string key, SourceSpan? requiredAt = null)
    {
        var node = Field(map, key, requiredAt);
        if (node is null) return null;
        if (node is not YamlSequenceNode seq)
        {
            Error(DiagnosticCodes.WrongType, node, $"`{key}` must be a list, like [a, b]");
            return null;
        }
        var items = new List<(string, YamlNode)>();
        foreach (var item in seq.Children)
        {
            var text = TextValue(item, key);
            if (text is not null) items.Add((text, item));
        }
        return items;
    }

    /// <summary>
    /// A text per language, written <c>{ lv: ..., en: ... }</c>, or one plain text for the default language.
    /// </summary>
    public LocalizedText? Localized(YamlMappingNode map, string key, IReadOnlyList<string> languages, SourceSpan? requiredAt,
        int maxLength = int.MaxValue, string missingDefaultCode = DiagnosticCodes.RequiredField)
    {
        var node = Field(map, key, requiredAt);
        return node is null ? null : LocalizedValue(node, key, languages, maxLength, missingDefaultCode);
    }

    /// <summary>A text per language as <see cref="Localized"/> reads it, from a node that is not a mapping's field (a list's item).</summary>
    public LocalizedText? LocalizedValue(YamlNode node, string key, IReadOnlyList<string> languages,
        int maxLength = int.MaxValue, string missingDefaultCode = DiagnosticCodes.RequiredField)
    {
        var defaultLanguage = languages.Count > 0 ? languages[0] : "";
        if (node is YamlScalarNode)
        {
            var text = TextValue(node, key, maxLength);
            return text is null ? null : new LocalizedText(new Dictionary<string, string> { [defaultLanguage] = text });
        }
        var perLanguage = AsMapping(node, $"`{key}`");
        if (perLanguage is null) return null;
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in perLanguage.Children)
        {
            var language = (k as YamlScalarNode)?.Value ?? "";
            if (!languages.Contains(language))
            {
                Error(DiagnosticCodes.UnknownLanguage, k, $"`{language}` in `{key}` is not one of the site's languages ({string.Join(", ", languages)})");
                continue;
            }
            if (IsNull(v)) continue;
            var text = TextValue(v, $"{key}.{language}", maxLength);
            if (text is not null) values[language] = text;
        }
        if (!values.ContainsKey(defaultLanguage) && languages.Count > 0)
        {
            Error(missingDefaultCode, node, $"`{key}` needs a text in the default language `{defaultLanguage}`");
            return null;
        }
        return new LocalizedText(values);
    }

    public Uri? AbsoluteUrl(YamlMappingNode map, string key, SourceSpan? requiredAt = null)
    {
        var node = Field(map, key, requiredAt);
        if (node is null) return null;
        var text = Scalar(node, key);
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            return uri;
        Error(DiagnosticCodes.InvalidUrl, node, $"`{key}` must be an absolute http(s) address, like https://www.example.lv/, not `{text}`");
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex PlainNumber();
}
