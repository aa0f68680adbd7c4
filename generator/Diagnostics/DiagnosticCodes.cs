namespace Vestis.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, with a stable code. Codes are never reused:
/// editors, CI filters and the tests refer to them. (VES077 was an EU-amount-over-total check that
/// budget arithmetic already makes impossible: amounts sum to the total and none is negative.)
/// </summary>
public static class DiagnosticCodes
{
    // Files and syntax
    public const string YamlSyntax = "VES001";
    public const string FrontMatterMissing = "VES002";
    public const string FrontMatterUnclosed = "VES003";
    public const string UnknownField = "VES004";
    public const string WrongType = "VES005";
    public const string RequiredField = "VES006";
    public const string UnreadableFile = "VES007";
    public const string UnexpectedFile = "VES008";
    public const string FileTooLarge = "VES009";
    public const string InvalidDate = "VES010";
    public const string TextLength = "VES011";
    public const string InvalidUrl = "VES012";
    public const string UnknownLanguage = "VES013";
    public const string Placeholder = "VES014";
    public const string NestedTooDeep = "VES015";
    public const string YamlAlias = "VES016";
    public const string LinkOutsideContent = "VES017";
    public const string ControlCharacter = "VES018";

    // site.yml
    public const string SiteFileMissing = "VES020";
    public const string InvalidLanguageList = "VES021";
    public const string InvalidCountry = "VES022";
    public const string InvalidPageSize = "VES023";
    public const string InvalidAccessibility = "VES024";

    // municipalities
    public const string InvalidMunicipalityId = "VES030";
    public const string UnknownSuccessor = "VES031";
    public const string SuccessorWithoutDissolved = "VES032";

    // announcements
    public const string UnknownMunicipality = "VES040";
    public const string InvalidFileName = "VES041";
    public const string UnknownLanguageSuffix = "VES042";
    public const string FileDateMismatch = "VES043";
    public const string InvalidSlug = "VES044";
    public const string DuplicateUrl = "VES045";
    public const string DuplicateTranslation = "VES046";
    public const string UnknownKind = "VES047";
    public const string TranslatedOnOriginal = "VES048";
    public const string UpdatedBeforeDate = "VES049";
    public const string BrokenLink = "VES050";
    public const string StaleTranslation = "VES051";
    public const string AnnouncementExists = "VES052";
    public const string RemoteResource = "VES053";
    public const string MissingAltText = "VES054";

    // projects
    public const string InvalidProjectId = "VES060";
    public const string UnknownProgramme = "VES061";
    public const string UnknownMeasure = "VES062";
    public const string UnknownFund = "VES063";
    public const string FundNotInPeriod = "VES064";
    public const string EndBeforeStart = "VES065";
    public const string UndefinedProject = "VES066";
    public const string ProjectConflict = "VES067";
    public const string MissingAimsOrResults = "VES068";

    // budgets
    public const string MoneyPrecision = "VES070";
    public const string BudgetSum = "VES071";
    public const string PercentSum = "VES072";
    public const string SourceForm = "VES073";
    public const string UnknownSource = "VES074";
    public const string InvalidCurrency = "VES075";
    public const string NegativeAmount = "VES076";

    // measures
    public const string MeasureName = "VES080";

    // EU publicity
    public const string LabelWording = "VES100";
    public const string NationalLogoMissing = "VES101";
    public const string InvalidLogo = "VES102";
    public const string StaleProject = "VES103";

    // templates and output
    public const string TemplateError = "VES090";
    public const string MissingUiString = "VES091";
    public const string OutputError = "VES092";
    public const string AuditLabel = "VES093";
    public const string AuditFacts = "VES094";
    public const string AuditSecurityPolicy = "VES097";
    public const string AuditThirdParty = "VES098";

    // languages
    public const string UnknownCulture = "VES095";
    public const string NoIcu = "VES096";
}
