using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Vestis.Templating;

/// <summary>
/// A function templates call (<c>t</c>, <c>plural</c>, <c>partial</c>) with a fixed number of arguments, called
/// directly: Scriban calls a delegate through reflection, which cost more than the lookups themselves.
/// </summary>
internal sealed class TemplateFunction(int parameterCount, Func<TemplateContext, ScriptArray, object?> body) : IScriptCustomFunction
{
    public int RequiredParameterCount => parameterCount;

    public int ParameterCount => parameterCount;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(object);

    // Scriban asks for every argument of every call: the names are made once, not a string each time.
    private readonly ScriptParameterInfo[] parameters =
        Enumerable.Range(1, parameterCount).Select(n => new ScriptParameterInfo(typeof(object), $"argument{n}")).ToArray();

    public ScriptParameterInfo GetParameterInfo(int index) =>
        index < parameters.Length ? parameters[index] : new(typeof(object), $"argument{index + 1}");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        body(context, arguments);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(body(context, arguments));
}
