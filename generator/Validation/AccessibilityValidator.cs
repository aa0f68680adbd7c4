using Vestis.Diagnostics;
using Vestis.Model;
using YamlDotNet.RepresentationModel;

namespace Vestis.Validation;

/// <summary>
/// Checks site.yml's <c>accessibility:</c> block, what the accessibility statement needs to say after the EU model
/// statement: a compliance status, a way to give feedback, the enforcement body and the date it was prepared.
/// </summary>
internal static class AccessibilityValidator
{
    public static AccessibilitySettings? Validate(Fields fields, YamlMappingNode site, IReadOnlyList<string> languages)
    {
        var node = Fields.Get(site, "accessibility");
        var map = node is null ? null : fields.AsMapping(node, "`accessibility`");
        if (map is null) return null;
        var where = fields.SpanOf(Fields.KeyNode(site, "accessibility")!);
        fields.AllowOnly(map, "`accessibility`", "status", "exceptions", "assessment", "contact", "enforcement", "prepared", "reviewed");
        var status = OneOf(fields, map, "status", AccessibilitySettings.Statuses, where);
        var assessment = Fields.Get(map, "assessment") is null ? "self" : OneOf(fields, map, "assessment", AccessibilitySettings.Assessments, where);
        var exceptions = new List<LocalizedText>();
        if (Fields.Get(map, "exceptions") is { } list)
        {
            if (list is YamlSequenceNode items)
                exceptions.AddRange(items.Children.Select(i => fields.LocalizedValue(i, "exceptions", languages)).OfType<LocalizedText>());
            else
                fields.Error(DiagnosticCodes.WrongType, list, "`exceptions` must be a list: one item for each part of the site that is not accessible, and why");
        }
        var contactNode = fields.Field(map, "contact", where);
        var contact = contactNode is null ? null : fields.AsMapping(contactNode, "`contact`");
        string? email = null, phone = null;
        Uri? url = null;
        if (contact is not null)
        {
            fields.AllowOnly(contact, "`contact`", "email", "phone", "url");
            email = fields.Text(contact, "email");
            if (email is not null && !email.Contains('@', StringComparison.Ordinal))
                fields.Error(DiagnosticCodes.InvalidAccessibility, Fields.Get(contact, "email")!, $"`email` must be an e-mail address, not `{email}`");
            phone = fields.Text(contact, "phone");
            url = fields.AbsoluteUrl(contact, "url");
            if (contact.Children.Count == 0)
                fields.Error(DiagnosticCodes.InvalidAccessibility, contactNode!, "`contact` needs an `email`, a `phone` or a `url` where readers can report a problem");
        }
        var enforcementNode = fields.Field(map, "enforcement", where);
        var enforcement = enforcementNode is null ? null : fields.AsMapping(enforcementNode, "`enforcement`");
        LocalizedText? enforcementName = null;
        Uri? enforcementUrl = null;
        if (enforcement is not null)
        {
            fields.AllowOnly(enforcement, "`enforcement`", "name", "url");
            enforcementName = fields.Localized(enforcement, "name", languages, fields.SpanOf(enforcementNode!));
            enforcementUrl = fields.AbsoluteUrl(enforcement, "url");
        }
        var prepared = fields.Date(map, "prepared", where);
        var reviewed = fields.Date(map, "reviewed");
        if (status is null || assessment is null || contact is null || enforcementName is null || prepared is null) return null;
        return new AccessibilitySettings(status, exceptions, assessment, email, phone, url, enforcementName, enforcementUrl, prepared.Value, reviewed);
    }

    private static string? OneOf(Fields fields, YamlMappingNode map, string key, IReadOnlyList<string> allowed, SourceSpan where)
    {
        var value = fields.Text(map, key, where);
        if (value is null || allowed.Contains(value)) return value;
        fields.Error(DiagnosticCodes.InvalidAccessibility, Fields.Get(map, key)!, $"`{key}` must be one of {string.Join(", ", allowed)}, not `{value}`");
        return null;
    }
}
