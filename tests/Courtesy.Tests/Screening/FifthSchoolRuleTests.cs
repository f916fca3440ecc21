using Courtesy.Policies;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>The rules added after reading the misses of all five sets (the fifth-school pass), checked on
/// the Oakfield roster with wording of their own: posts each must catch, with the person slot filled by
/// a name, a title and surname or a role as well as a pronoun, and ordinary posts it must leave alone.</summary>
public class FifthSchoolRuleTests
{
    private static bool Has(string category, string text, params string[] own) => TestSchool.Screen(text, own).Categories.Contains(category);

    [Theory]
    [InlineData("I know where Mr Okafor lives. Just remember that.")]
    [InlineData("i know where the head parks every morning")]
    [InlineData("We know what time Gary Reid leaves the gym")]
    public void Knowing_a_named_persons_movements_is_a_threat(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("I know where Mr Okafor keeps the spare reading books")]
    [InlineData("Mr Okafor knows where the lost property goes")]
    public void Knowing_where_things_are_is_not(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("I will smash Mr Okafor's face in")]
    [InlineData("I'm going to break the head's nose if she says that again")]
    [InlineData("I'll kick Gary Reid's teeth in next time")]
    public void A_blow_to_a_named_persons_body_after_an_intention_is_a_threat(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("We'll smash it at sports day, go Oakfield!")]
    [InlineData("I'll break Marcus Reid's record at the swimming gala next year haha", "Marcus Reid")]
    public void Smashing_it_and_records_are_not(string text, params string[] own) => Assert.False(Has(Categories.ThreatOfViolence, text, own), text);

    [Theory]
    [InlineData("Next time Gary Reid mouths off at me he's going through the window")]
    [InlineData("swear I'll put Mr Zielinski through the fence")]
    public void A_person_sent_through_a_barrier_is_a_threat(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("The ball went through the window of the hall again")]
    [InlineData("The kids are going through the hedge maze on the trip")]
    public void Things_through_windows_are_not(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("Stop messaging Kayden Moss about my son or I'll be round to see his mum")]
    [InlineData("Leave her alone or I'll come down that school myself, Mrs Hetherington")]
    public void An_order_with_or_ill_is_a_threat(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("Don't forget PE kits tomorrow or I'll never hear the end of it from Mr Okafor 😂")]
    [InlineData("Tea or coffee at the coffee morning? I'll bring milk")]
    public void Laughing_orders_and_choices_are_not(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("Mr Okafor wants to hope I don't see him at the retail park")]
    [InlineData("Wouldn't surprise me if someone torched the Oakfield minibus after this")]
    public void Menacing_hopes_and_predicted_arson_are_threats(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("someone should give Gary Reid a slap, he's asking for it")]
    [InlineData("the head wants a slap")]
    [InlineData("Mr Okafor needs his legs breaking")]
    public void Violence_wished_on_someone_is_also_offensive(string text)
    {
        Assert.True(Has(Categories.ThreatOfViolence, text), text);
        Assert.True(Has(Categories.NegativeOrOffensiveComment, text), text);
    }

    [Fact]
    public void The_speakers_own_threat_is_not_also_offensive() =>
        Assert.False(Has(Categories.NegativeOrOffensiveComment, "If Gary Reid touches my car again I'll break his arm"));

    [Theory]
    [InlineData("Oakfield governors can go and f*** themselves")]
    [InlineData("Mr Okafor can go and f*** himself")]
    public void A_masked_curse_with_a_target_is_obscene(string text) => Assert.True(Has(Categories.ObsceneContent, text), text);

    [Theory]
    [InlineData("the head can come and read me a bedtime story in bed any time 🥵")]
    [InlineData("Mr Okafor could give me a proper seeing to")]
    public void Innuendo_aimed_at_an_adult_is_obscene(string text) => Assert.True(Has(Categories.ObsceneContent, text), text);

    [Theory]
    [InlineData("Mr Okafor has been in bed with flu all week 🥵 get well soon")]
    [InlineData("Is anyone at it with the Christmas cards yet? Mr Okafor wants them in by Friday")]
    public void Illness_and_ordinary_at_it_are_not(string text) => Assert.False(Has(Categories.ObsceneContent, text), text);

    [Theory]
    [InlineData("Miss Bright only got the SENCO job to tick a box, everyone knows it")]
    [InlineData("Mr Zielinski is a diversity hire, simple as")]
    public void A_job_said_to_be_given_for_race_is_racist(string text) => Assert.True(Has(Categories.RacistComment, text), text);

    [Theory]
    [InlineData("Just tick a box on the form if your child has a packed lunch")]
    [InlineData("New job application for the TA post asks you to tick the box for a DBS")]
    public void Ticking_boxes_on_forms_is_not(string text) => Assert.False(Has(Categories.RacistComment, text), text);

    [Theory]
    [InlineData("Dawn Moss at pick up 'ze homework iz too hard' 😂😂")]
    [InlineData("Mrs Nair doing her 'me no understand' bit again 😂")]
    public void A_mocked_accent_is_racist_and_bullying(string text)
    {
        Assert.True(Has(Categories.RacistComment, text), text);
        Assert.True(Has(Categories.Cyberbullying, text), text);
    }

    [Theory]
    [InlineData("Ze Germans won the penalties again 😂 my husband is gutted")]
    [InlineData("Me no likey Mondays 😂")]
    public void One_mock_spelling_or_nobody_to_aim_at_is_not(string text) => Assert.False(Has(Categories.RacistComment, text), text);

    [Theory]
    [InlineData("Did anyone film Gary Reid falling over at the fun run 😂😂 send it round")]
    [InlineData("post your best pic of the head's new haircut 😂")]
    public void Pictures_of_a_person_passed_round_to_laugh_at_are_bullying(string text) => Assert.True(Has(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("Lovely pics of the Oakfield fun run 😂 send it round, brilliant day")]
    [InlineData("Someone filmed the nativity, send it round please 😂")]
    public void Praise_and_pictures_of_nobody_are_not(string text) => Assert.False(Has(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("Gary Reid's email is gary.reid@example.com, fill his inbox")]
    public void Filling_an_inbox_is_bullying(string text) => Assert.True(Has(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("Mrs Hetherington looked after my Marcus all afternoon when he was poorly, so kind", "Marcus Reid")]
    [InlineData("Mrs Hetherington showed the governors the exclusion figures for the year")]
    public void Minding_a_child_and_statistics_are_not_private_matters(string text, params string[] own) => Assert.False(Has(Categories.ConfidentialInformation, text, own), text);

    [Fact]
    public void A_looked_after_child_is_still_a_private_matter() =>
        Assert.True(Has(Categories.ConfidentialInformation, "Kayden Moss is looked after by the council now"));

    [Theory]
    [InlineData("The head gave her husband's firm the building contract, funny that 🤔")]
    [InlineData("Mr Okafor's cleaning company got the school job without a tender")]
    public void A_relatives_or_own_firm_given_work_is_an_allegation(string text) => Assert.True(Has(Categories.AllegationAboutStaff, text), text);

    [Fact]
    public void An_eye_roll_with_laughter_is_not_a_complaint() =>
        Assert.False(Has(Categories.ComplaintAboutSchool, "Year 4 homework is volcanoes and now my son wants to blow up the shed 🙄😂"));
}
