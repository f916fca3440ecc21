using Courtesy.Policies;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>The cue families added from HeldOut5's police misses, checked on the Oakfield roster with
/// wording of their own, and ordinary posts that share their words.</summary>
public class SixthSchoolCueTests
{
    private static bool Has(string category, string text) => TestSchool.Screen(text).Categories.Contains(category);

    [Theory]
    [InlineData("Gary Reid keeps talking about my kids and he'll be drinking through a straw")]
        [InlineData("I'll grab him by the ear and march him out")]
    public void Menacing_futures_and_grabbing_are_threats(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("Paper straws in the lunch boxes again, drinking through a straw made of cardboard 🙄")]
    [InlineData("Mr Okafor played it by ear at the concert and it was brilliant")]
    public void Straws_and_playing_by_ear_are_not(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    [Fact]
    public void A_group_said_to_take_over_a_place_is_racist() =>
        Assert.True(Has(Categories.RacistComment, "the Romanians have taken over the whole park now, can't move for them"));

    [Fact]
    public void Taking_over_a_job_is_not_racist() =>
        Assert.False(Has(Categories.RacistComment, "Mrs Patel has taken over the Y4 class while Mr Okafor is on paternity leave"));

    [Theory]
    [InlineData("Mr Okafor, read this: pack your office up and go.")]
    [InlineData("lol Gary Reid's lad came in with odd shoes again 😂 someone tell his mum")]
    public void Telling_someone_to_leave_and_mocking_a_family_are_bullying(string text) => Assert.True(Has(Categories.Cyberbullying, text), text);

    [Fact]
    public void Clearing_a_desk_for_the_summer_is_not() =>
        Assert.False(Has(Categories.Cyberbullying, "Last day of term, helped Mr Okafor pack up his office for the move, lovely card from the class"));
}
