namespace Courtesy.Screening;

/// <summary>One reason a post may breach the policy: which category, where in the original text, and why.</summary>
/// <param name="Start">UTF-16 offset into the original post text.</param>
/// <param name="Length">UTF-16 length in the original post text; 0 for findings about metadata.</param>
public sealed record Finding(string CategoryId, int Severity, int Start, int Length, string Text, string Reason, string Detector);

public sealed class ScreeningResult
{
    public string? PostId { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>Distinct category ids of the findings, ordered by severity, highest first.</summary>
    public required IReadOnlyList<string> Categories { get; init; }
    /// <summary>A police-threshold kind: racist, threat, grossly obscene or offensive, harassment.</summary>
    public bool Police { get; init; }
    /// <summary>A child may be at risk: goes to the Designated Safeguarding Lead at once, never to the parent ladder.</summary>
    public bool Safeguarding { get; init; }
    /// <summary>True when the text was longer than the engine reads (1 MiB, or more matches than it compares)
    /// and only its beginning was screened.</summary>
    public bool Truncated { get; init; }

    public bool IsBreach => Categories.Count > 0;
}

/// <summary>The seam cases and imports call: one school's screening, built once, used for every post.</summary>
public interface IScreener
{
    ScreeningResult Screen(Post post);
}
