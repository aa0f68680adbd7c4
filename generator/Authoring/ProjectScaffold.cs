using Vestis.Model;

namespace Vestis.Authoring;

/// <summary>The project a new announcement is about: none, one the site already defines, or a new one to define in full.</summary>
internal sealed record ProjectChoice(string? Id, Project? Existing)
{
    public static readonly ProjectChoice None = new(null, null);

    public bool IsNew => Id is not null && Existing is null;
}

/// <summary>
/// The <c>project:</c> field of a new announcement: a reference to a project the site defines, or the full
/// block of a new one with the site's measures, the funds of each period and the funding sources listed.
/// </summary>
/// <param name="MunicipalityName">The beneficiary a project has unless its block names another.</param>
internal sealed class ProjectScaffold(ScaffoldWords words, IReadOnlyDictionary<string, Measure> measures,
    string municipalityName, string language, string defaultLanguage)
{
    public void Write(NotedYaml yaml, ProjectChoice project)
    {
        if (project.Existing is { } existing)
            yaml.Line($"project: {NotedYaml.Quoted(existing.Id)}",
                words.Note("project", existing.Name.For(language, defaultLanguage) ?? existing.Id));
        else if (project.Id is { } id)
            Block(yaml, id);
    }

    private void Block(NotedYaml yaml, string id)
    {
        var periods = string.Join("; ", Funds.Programmes.Select(p => $"{p}: {string.Join(", ", Funds.Codes.Where(f => Funds.ExistsIn(f, p)))}"));
        var national = string.Join(", ", Funds.NationalSources.Select(s => $"{s} ({words[$"source.{s}"]})"));
        yaml.Line("project:", words.Note("project_block", id))
            .Line($"  id: {NotedYaml.Quoted(id)}", words.Note("id"))
            .Line($"  name: {words.Blank("name")}", words.Note("name"))
            .Line($"  programme: {words.Blank("programme")}", $"{words.Note("programme")} {string.Join(", ", Funds.Programmes)}");
        Measures(yaml);
        yaml.Line($"  funds: [{words.Blank("fund")}]", $"{words.Note("funds")} {periods}")
            .Line($"  start: {words.Blank("date")}", words.Note("start"))
            .Line($"  end: {words.Blank("date")}", words.Note("end"))
            .Line($"  # beneficiary: {NotedYaml.Quoted(municipalityName)}", words.Note("beneficiary"))
            .Line($"  aims: {words.Blank("aims")}", words.Note("aims"))
            .Line($"  results: {words.Blank("results")}", words.Note("results"))
            .Line("  budget:")
            .Line("    currency: EUR", words.Note("currency"))
            .Line($"    total: {words.Blank("total")}", words.Note("total"))
            .Line("    sources:", words.Note("sources"))
            .Line($"      - source: {words.Blank("fund")}", words.Note("fund_source"))
            .Line($"        percent: {words.Blank("percent")}", words.Note("percent"))
            .Line("      - source: state-budget", $"{words.Note("other_source")} {national}")
            .Line($"        percent: {words.Blank("percent")}")
            .Line("  facilities:", words.Note("facilities"))
            .Line($"    - name: {words.Blank("facility")}")
            .Line($"      address: {words.Blank("address")}")
            .Line($"      places: {words.Blank("places")}", words.Note("places"));
    }

    // The codes an author may choose from, each with its name, since a code alone says little.
    private void Measures(NotedYaml yaml)
    {
        if (measures.Count == 0) yaml.Note("  ", words.Note("no_measures"));
        else
        {
            yaml.Note("  ", words.Note("measures"));
            foreach (var measure in measures.Values)
                yaml.Note("  ", $"{NotedYaml.Quoted(measure.Code)} {measure.Name.For(language, defaultLanguage)}");
        }
        yaml.Line($"  measure: {words.Blank("measure")}", words.Note("measure"));
    }
}
