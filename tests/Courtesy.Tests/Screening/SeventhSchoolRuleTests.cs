using Courtesy.Policies;

namespace Courtesy.Tests.Screening;

/// <summary>The cue families and the drag-out frame added from the misses of HeldOut5 and HeldOut6, checked on
/// the Oakfield roster with wording of their own, and ordinary posts that share their words.</summary>
public class SeventhSchoolRuleTests
{
    private static bool Has(string category, string text) => TestSchool.Screen(text).Categories.Contains(category);

    [Theory]
    [InlineData("I swear I'll drag Simon Okafor out of that classroom by his collar")]
    [InlineData("gonna drag Mr Okafor out of the office if he won't see me")]
    [InlineData("Mrs Hetherington won't listen, time a few of us paid her a visit at home")]
    [InlineData("A few of us should pay him a visit, Mr Okafor knows what he did")]
    [InlineData("next time he shouts at Marcus he'll find out what happens")]
    public void Drag_outs_and_menacing_visits_are_threats(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("They had to drag Mr Okafor out of the staffroom for the team photo")]
    [InlineData("Grandma is going to pay her a visit at Christmas, she's so excited")]
    [InlineData("The art project is half done, I'll finish it with Hunter at the weekend")]
    [InlineData("Torch, waterproofs and a packed lunch for the night walk please")]
    public void Ordinary_visits_and_jobs_are_not(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    [Fact]
    public void Sending_a_named_group_back_is_racist() =>
        Assert.True(Has(Categories.RacistComment, "The school should stop taking on foreigners who can't spell, send them back"));

    [Fact]
    public void Sending_a_letter_back_is_not() =>
        Assert.False(Has(Categories.RacistComment, "The slip for the trip was wrong, send them back signed by Friday"));

    [Theory]
    [InlineData("Mrs Hetherington has been claiming expenses for courses she never went on")]
    [InlineData("Mr Okafor drinks at lunch, you can smell it on him in the afternoon")]
    public void Expenses_and_drinking_at_work_are_allegations(string text) => Assert.True(Has(Categories.AllegationAboutStaff, text), text);

    [Fact]
    public void A_school_expenses_question_is_not_an_allegation() =>
        Assert.False(Has(Categories.AllegationAboutStaff, "Does anyone know if we can claim the residential cost back as childcare expenses?"));

    [Fact]
    public void A_cancelled_residential_with_no_refund_is_a_complaint() =>
        Assert.True(Has(Categories.ComplaintAboutSchool, "The residential has been cancelled for the second year running and still no refund"));

    [Fact]
    public void Urging_people_to_comment_on_a_parents_post_is_bullying() =>
        Assert.True(Has(Categories.Cyberbullying, "everyone go comment on Gary Reid's post and tell him what a joke he is 😂"));
}
