using Courtesy.Policies;

namespace Courtesy.Tests.Policies;

public class PolicyDatesTests
{
    [Theory]
    [InlineData("December 2018", "2018-12-01", "2018-12-31")]
    [InlineData("Dec 2018", "2018-12-01", "2018-12-31")]
    [InlineData("Autumn 2023", "2023-09-01", "2023-12-31")]
    [InlineData("Spring term 2024", "2024-01-01", "2024-03-31")]
    [InlineData("Summer 2025", "2025-04-01", "2025-08-31")]
    [InlineData("2021-12", "2021-12-01", "2021-12-31")]
    [InlineData("2024-02-29", "2024-02-29", "2024-02-29")]
    public void School_dates_keep_their_text_and_cover_a_period(string text, string start, string end)
    {
        Assert.True(PolicyDates.TryParse(text, out var date));

        Assert.Equal(text, date.Text);
        Assert.Equal(DateOnly.Parse(start), date.Start);
        Assert.Equal(DateOnly.Parse(end), date.End);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("Decembre 2018")]
    [InlineData("2021-13")]
    [InlineData("2023-02-30")]
    [InlineData("Winter 2023")]
    public void Unreadable_dates_are_refused(string text) => Assert.False(PolicyDates.TryParse(text, out _));
}
