namespace Courtesy.Schools;

public enum PersonKind { Pupil, Staff, Governor, Parent }

/// <summary>One person on a school's roster, in the shape of shared/eval/dev/roster.csv.</summary>
public sealed record Person(
    PersonKind Kind,
    string? Title,
    string FirstName,
    string LastName,
    string? PreferredName,
    string? Role,
    string? YearGroup)
{
    /// <summary>"First Last" exactly, the form used in post metadata.</summary>
    public string FullName => $"{FirstName} {LastName}";

    public string DisplayName => Kind == PersonKind.Pupil
        ? $"{PreferredName ?? FirstName} {LastName}"
        : $"{(string.IsNullOrEmpty(Title) ? "" : Title + " ")}{FirstName} {LastName}";
}

/// <summary>The school as screening and letters need it: its name and what parents call it.</summary>
public sealed record SchoolProfile(string Name, IReadOnlyList<string> Aliases, string? Town);
