using Courtesy.Policies;

namespace Courtesy.Tests.Screening;

/// <summary>The classes of false alarm found on HeldOut9-11 (St Columba's, Brackenridge, Shepway Coast, used as
/// working sets from 2026-11-21), each checked with wording written for these tests on an invented roster whose
/// pupils have names that are also words or brands, and with the hard cases that must still be caught. No
/// sentence here is taken from a labelled post.</summary>
public class NinthSchoolRuleTests
{
    private static readonly InventedSchool Coastal = new("Saltmarsh Academy", ["Saltmarsh"], "Wellbay", """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Brooke,Ellison,,,Year 8
        pupil,,Hunter,Crane,,,Year 7
        pupil,,Jordan,Pike,,,Year 9
        pupil,,Joy,Anand,,,Year 10
        staff,Mr,Dean,Harker,,Head Teacher,
        staff,Mr,Colin,Webb,,Site Manager,
        staff,Mrs,Paula,Reyes,,Speech and Language Therapist,
        """, "ninth-roster.csv");

    private static bool Has(string category, string text) => Coastal.Screen(text).Categories.Contains(category);

    // ---- 1. A pupil's first name as part of a street, a brand or a phrase ("Brooke Road", "Hunter boots", "Joy: a ...") ----

    [Theory]
    [InlineData("Brooke Road is shut again for the gas works, use the back way for pick up")]
    [InlineData("parking on Jordan Close is a nightmare at 3pm, residents are fuming")]
    [InlineData("lost: navy Hunter wellingtons size 4 after the cross country, named inside")]
    [InlineData("Jordan trainers half price at the outlet if anyone needs PE shoes")]
    [InlineData("Pure joy: a whole weekend with no homework fights")]
    [InlineData("Absolute joy, a dry sports day for once")]
    public void A_name_used_as_a_place_brand_or_word_names_nobody(string text) => Assert.False(Has(Categories.NamingChildren, text), text);

    [Theory]
    [InlineData("Brooke Ellison told the whole class my daughter smells")]
    [InlineData("Brooke keeps pushing my son on the bus and nobody does anything")]
    [InlineData("Joy A. in year 10 keeps starting on my daughter")]
    [InlineData("Hunter and Jordan were fighting at the gates again")]
    public void The_pupil_is_still_named(string text) => Assert.True(Has(Categories.NamingChildren, text), text);

    // ---- 2. Violent words as hyperbole: a parent who will "kill me" for a report, "kill this test" ----

    [Theory]
    [InlineData("my dad's going to kill me when he sees the phone bill 😬")]
    [InlineData("my nan will murder me if I'm late for tea again")]
    [InlineData("ima kill this chemistry test tomorrow 💪")]
    [InlineData("gonna murder this history essay tonight, wish me luck")]
    public void Hyperbole_is_no_threat(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("I'm going to kill him when I see him at the gates")]
    [InlineData("my dad's going to kill you when he finds out what you did to my sister")]
    [InlineData("I will murder Mr Harker if he puts my son in isolation again")]
    public void Threats_at_a_person_stay_threats(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    // ---- 3. Quotation marks that report someone else's words or name words, not the writer's sarcasm ----

    [Theory]
    [InlineData("The council says the money for Saltmarsh Academy's new sports hall is 'being looked at'. Come to the meeting and back the school")]
    [InlineData("mock exams and homework all week and I'll scream if one more person tells me to 'stay calm' 😂")]
    [InlineData("Mrs Reyes taught us the signs for 'drink' and 'help' and bedtime is so much calmer")]
    public void Reported_or_named_words_are_no_complaint(string text) => Assert.False(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("The head says the leaking roof is 'under control'. Three winters now")]
    [InlineData("Saltmarsh and its 'outstanding' behaviour policy, my son got punched twice this week")]
    public void Sarcasm_about_the_school_is_still_a_complaint(string text) => Assert.True(Has(Categories.ComplaintAboutSchool, text), text);

    // ---- 4. A member of staff as the victim of someone else's wrongdoing ----

    [Theory]
    [InlineData("Poor site manager, someone's nicked his ladder off the van again 😂")]
    [InlineData("somebody stole her purse from the staffroom, the head teacher is gutted")]
    public void Staff_robbed_by_someone_is_no_allegation(string text) => Assert.False(Has(Categories.AllegationAboutStaff, text), text);

    [Theory]
    [InlineData("the site manager nicked the raffle money, everyone knows it")]
    [InlineData("Mr Webb stole from the PTA and they kept it quiet")]
    public void Staff_doing_wrong_is_still_alleged(string text) => Assert.True(Has(Categories.AllegationAboutStaff, text), text);
}
