using System.Reflection;
using Courtesy.Policies;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>Known bugs seen on the held-out sets, fixed in general and checked on an invented secondary
/// roster (<see cref="SecondarySchool"/>): each with a post it must now catch and a hard negative.</summary>
public class KnownBugTests
{
    private static ScreeningResult Screen(string text, params string[] own) => SecondarySchool.Screen(text, own);
    private static bool Has(string category, string text, params string[] own) => Screen(text, own).Categories.Contains(category);
    private static bool Named(string text, string word, params string[] own) =>
        Screen(text, own).Findings.Any(f => f.CategoryId == Categories.NamingChildren && f.Text.StartsWith(word, StringComparison.Ordinal));

    // ----- names -----

    [Theory]
    [InlineData("Rowan berries are all over the field by the sixth form block, don't let the dog eat them")]
    [InlineData("We planted a Rowan tree for the Year 7 eco project")]
    public void A_name_before_the_noun_it_modifies_is_no_pupil(string text) => Assert.False(Has(Categories.NamingChildren, text), text);

    [Fact]
    public void The_same_name_before_a_verb_is_the_pupil() => Assert.True(Named("Rowan pushed my son into the lockers again", "Rowan"));

    [Theory]
    [InlineData("Iris and Mercy were fighting again at break")]
    [InlineData("Mercy and Iris were so kind to the new girl")]
    public void Two_roster_first_names_joined_by_and_are_both_named(string text)
    {
        Assert.True(Named(text, "Iris"), text);
        Assert.True(Named(text, "Mercy"), text);
    }

    [Theory]
    [InlineData("Iris and lilies look lovely in the reception display")]
    [InlineData("Iris and tulips from the florist for the retirement do")]
    public void A_name_joined_to_a_thing_is_not(string text) => Assert.False(Has(Categories.NamingChildren, text), text);

    [Theory]
    [InlineData("the Kennedys' car is on the zigzags again")]
    [InlineData("Don't invite the Kennedys, they never pay for anything")]
    public void A_plural_or_possessive_family_names_the_pupils(string text) => Assert.True(Named(text, "Kennedys"), text);

    [Fact]
    public void The_authors_own_family_is_not_a_breach() =>
        Assert.False(Has(Categories.NamingChildren, "the Kennedys' new puppy has settled in lovely", "Iris Kennedy"));

    // ----- masks -----

    [Theory]
    [InlineData("Mrs Ogunleye and the rest of them in the office are c***s")]
    [InlineData("the principal is an absolute c***")]
    public void A_masked_c_word_is_the_obscene_word(string text)
    {
        var r = Screen(text);
        Assert.Contains(Categories.ObsceneContent, r.Categories);
        Assert.DoesNotContain(Categories.RacistComment, r.Categories);
    }

    [Fact]
    public void A_mask_that_shows_the_slur_still_reads_as_the_slur() =>
        Assert.Contains(Categories.RacistComment, Screen("Highcliffe is full of c**ns now").Categories);

    // ----- the smirk -----

    [Theory]
    [InlineData("Mr Lomax and Mrs Ogunleye were definitely at it on the Year 9 trip 😏")]
    [InlineData("Ms Sowerby gets passed round more than the attendance register 😏")]
    public void Innuendo_with_a_smirk_about_staff_is_obscene_and_defamatory(string text)
    {
        var r = Screen(text);
        Assert.Contains(Categories.ObsceneContent, r.Categories);
        Assert.Contains(Categories.DefamatoryStatement, r.Categories);
    }

    [Fact]
    public void Two_staff_at_it_is_also_an_allegation() =>
        Assert.Contains(Categories.AllegationAboutStaff, Screen("Mr Lomax and Mrs Ogunleye were definitely at it on the Year 9 trip 😏").Categories);

    [Theory]
    [InlineData("Mr Lomax is at it again with the parking rules 😏")]
    [InlineData("Ms Sowerby says the forms were passed round in tutor time 😏 we'll see")]
    public void A_smirk_at_everyday_words_is_not_innuendo(string text) => Assert.False(Has(Categories.ObsceneContent, text), text);

    // ----- threats -----

    [Theory]
    [InlineData("I'm going to wait outside the gates on Monday after school and when Mr Lomax finally comes out, batter him")]
    [InlineData("Someone should wait outside the gates on Monday morning and when that Tyler Fenwick comes out kick his head in")]
    public void A_violent_act_a_clause_after_the_intention_is_a_threat(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("I'm going to wait outside the gates on Monday after school. When Mr Lomax comes out the Year 7s will batter him with water balloons")]
    [InlineData("I'm going to wait at the gates on Monday and ask Mr Lomax about the punch bowl for the leavers do")]
    public void An_act_in_another_sentence_or_at_no_one_is_not(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    // ----- rule lists -----

    [Fact]
    public void No_single_word_rule_list_holds_a_space_or_hyphen()
    {
        // Phrase lists compared with whole cue phrases, not with single words.
        string[] phraseLists = ["WishIntents", "MaskSuffixes"];
        var lists = typeof(ScreeningEngine).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string[]) && !phraseLists.Contains(f.Name)).ToList();
        Assert.True(lists.Count > 20, $"only {lists.Count} lists found");
        foreach (var f in lists)
            foreach (var w in (string[])f.GetValue(null)!)
                Assert.False(w.Contains(' ') || w.Contains('-'), $"{f.Name} holds '{w}', which can never equal one folded word");
    }
}
