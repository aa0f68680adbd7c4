namespace Vestis.Diagnostics;

/// <summary>
/// What a kept result was made from, compared instance by instance: a file that has not changed loads as the
/// very same instance, and so does everything made only from such instances, so sameness is identity.
/// </summary>
public sealed class SameInputs(params object?[] inputs) : IEquatable<SameInputs>
{
    private readonly object?[] inputs = inputs;

    public bool Equals(SameInputs? other) => other is not null && Same(inputs, other.inputs);

    /// <summary>Whether two lists of inputs hold the same instances in the same order.</summary>
    public static bool Same(object?[] these, object?[] those) => these.AsSpan().SequenceEqual(those, ReferenceEqualityComparer.Instance);

    public override bool Equals(object? obj) => Equals(obj as SameInputs);

    public override int GetHashCode() => inputs.Length;
}
