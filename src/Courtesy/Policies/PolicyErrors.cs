namespace Courtesy.Policies;

/// <summary>One problem in a pack file, at a real position (1-based line and column).</summary>
public sealed record PolicyError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A pack could not be loaded; <see cref="Errors"/> holds every problem found, not just the first.</summary>
public sealed class PolicyPackException(IReadOnlyList<PolicyError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<PolicyError> Errors { get; } = errors;
}

/// <summary>A pack id that is not in the library; the message names the ids that are.</summary>
public sealed class PolicyNotFoundException(string id, IReadOnlyList<string> knownIds)
    : KeyNotFoundException($"unknown policy pack '{id}'; known packs: {(knownIds.Count == 0 ? "(none)" : string.Join(", ", knownIds))}")
{
    public string Id { get; } = id;
    public IReadOnlyList<string> KnownIds { get; } = knownIds;
}
