using Courtesy.Policies;

namespace Courtesy.Tests.Screening;

/// <summary>Secondary-school and trust words as general vocabulary: checked on the Oakfield roster, whose job
/// titles include none of them, so the roles come from the cue list and not from the school's own roster.</summary>
public class SecondaryVocabularyTests
{
    private static bool Has(string category, string text, params string[] own) => TestSchool.Screen(text, own).Categories.Contains(category);

    [Theory]
    [InlineData("The principal is a liar and everyone knows it")]
    [InlineData("Our HOY swore at my daughter in the corridor")]
    [InlineData("The form tutor singles my son out every morning")]
    [InlineData("The attendance officer has been fiddling the figures all year")]
    [InlineData("The trust CEO covered it up")]
    [InlineData("The vice principal grabbed a Year 8 boy by the blazer")]
    public void Secondary_roles_are_identifiable_adults(string text)
    {
        Assert.True(Has(Categories.AllegationAboutStaff, text), text);
        Assert.True(Has(Categories.DefamatoryStatement, text), text);
    }

    [Theory]
    [InlineData("Another week of my son in isolation for a missing tie, this place is a shambles")]
    [InlineData("Phones confiscated for a week for checking the bus time, ridiculous")]
    [InlineData("the cover supervisor let them watch films all week and nobody replies when you ask why")]
    public void Secondary_sanctions_and_staff_are_complaint_targets(string text) => Assert.True(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("Kayden Moss is on report again")]
    [InlineData("Marcus Reid's been in isolation since Monday")]
    public void Secondary_sanctions_of_a_named_pupil_are_confidential(string text) => Assert.True(Has(Categories.ConfidentialInformation, text), text);

    [Fact]
    public void An_ordinary_word_name_in_a_secondary_year_group_is_named() =>
        Assert.True(Has(Categories.NamingChildren, "Will in Year 9 pushed my son off the bus"));

    [Theory]
    [InlineData("The principal reason we chose Oakfield was the music department")]
    [InlineData("Is there a Year 7 uniform swap anywhere? Blazers are so expensive")]
    [InlineData("I'm in isolation with covid this week so can someone grab Marcus Reid's reading book")]
    [InlineData("Can anyone recommend a maths tutor for GCSE? Happy to pay")]
    public void Ordinary_secondary_chat_is_not_a_breach(string text)
    {
        var r = TestSchool.Screen(text);
        Assert.DoesNotContain(Categories.AllegationAboutStaff, r.Categories);
        Assert.DoesNotContain(Categories.ComplaintAboutSchool, r.Categories);
        Assert.DoesNotContain(Categories.ConfidentialInformation, r.Categories);
    }

    [Theory]
    [InlineData("Miss Bright the SENCO has been brilliant with our son's EHCP review")]
    [InlineData("my daughter's ADHD diagnosis finally came through, Mr Okafor was so supportive")]
    public void The_authors_own_childs_needs_beside_a_named_teacher_are_not_confidential(string text) =>
        Assert.False(Has(Categories.ConfidentialInformation, text), text);

    [Fact]
    public void Another_childs_needs_beside_a_named_teacher_still_are() =>
        Assert.True(Has(Categories.ConfidentialInformation, "Miss Bright told everyone at the gate about Kayden Moss's EHCP"));

    [Theory]
    [InlineData("Can anyone lend a Year 7 blazer, ours has gone missing again 🙄")]
    [InlineData("Year 11 exams in a fortnight and my son is on his Xbox 🙄")]
    public void An_eye_roll_at_ones_own_child_with_only_a_year_group_is_not_a_complaint(string text) =>
        Assert.False(Has(Categories.ComplaintAboutSchool, text), text);

    [Fact]
    public void An_eye_roll_at_a_year_groups_evening_is() =>
        Assert.True(Has(Categories.ComplaintAboutSchool, "Another Year 8 parents evening with no appointments left 🙄"));
}
