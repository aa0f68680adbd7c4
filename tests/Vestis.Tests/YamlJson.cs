using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Vestis.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vestis.Tests;

/// <summary>
/// Turns YAML into the JSON an editor's YAML extension validates against a schema. It reads plain scalars by
/// YAML 1.2's core schema, as the extension does: 2019-09-19 and 2014-2020 stay strings, 447060.00 is a number,
/// true a boolean and an empty value null. Quoted values are always strings.
/// </summary>
internal static partial class YamlJson
{
    public static JToken From(YamlNode? node) => node switch
    {
        null => JValue.CreateNull(),
        YamlMappingNode map => new JObject(map.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value ?? "", From(c.Value)))),
        YamlSequenceNode list => new JArray(list.Children.Select(From)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} has no JSON form"),
    };

    private static JValue Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return new JValue(text);
        if (Fields.IsNull(scalar)) return JValue.CreateNull();
        if (Boolean().IsMatch(text)) return new JValue(char.ToLowerInvariant(text[0]) == 't');
        // Whole numbers stay integers, so that `places: 14` meets "type": "integer".
        if (Integer().IsMatch(text)) return new JValue(long.Parse(text, CultureInfo.InvariantCulture));
        if (Float().IsMatch(text)) return new JValue(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        return new JValue(text);
    }

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex Boolean();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
