using Courtesy.Policies;

namespace Courtesy.Tests.Screening;

/// <summary>The classes of false alarms found on HeldOut12 (an east London academy, spent) and the slang sets
/// HeldOut14-15: pupils' first names read inside the full names of celebrities, bands, brands, titles and set
/// phrases, and a meal skipped read as neglect. Checked on an invented Midlands secondary whose pupils share their
/// first names with singers, boxers, a play and a perfume. Every class has posts that must be left alone and posts
/// that share their words and must still be caught. No sentence here is taken from a labelled post.</summary>
public class TwelfthSchoolRuleTests
{
    private static readonly InventedSchool Canalside = new("Wharf Lane Academy", ["Wharf Lane", "WLA"], "Walsall", """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Destiny,Akande,,,Year 8
        pupil,,Romeo,Vasquez,,,Year 9
        pupil,,Harley,Price,,,Year 7
        pupil,,Junior,Bakare,,,Year 10
        pupil,,Bonnie,Walsh,,,Year 7
        pupil,,Dior,Campbell,,,Year 9
        pupil,,Tyson,Okoye,,,Year 8
        pupil,,Billie,Cross,,,Year 11
        pupil,,Harry,Fox,,,Year 8
        pupil,,Cole,Henley,,,Year 10
        pupil,,Martin,Osei,,,Year 7
        pupil,,Paris,Lamb,,,Year 9
        pupil,,Chelsea,Nwosu,,,Year 10
        staff,Mrs,Joanne,Penrose,,Head Teacher,
        staff,Mr,Dev,Kaur,,Head of Year 8,
        """, "twelfth-roster.csv");

    private static bool Named(string text) => Canalside.Screen(text).Categories.Contains(Categories.NamingChildren);
    private static bool Threat(string text) => Canalside.Screen(text).Categories.Contains(Categories.ThreatOfViolence);
    private static bool Safeguarding(string text) => Canalside.Screen(text).Safeguarding;

    // ---- 1. A pupil's first name inside a celebrity's, band's, brand's or title's full name, in any case ----

    [Theory]
    [InlineData("destiny's child came on in the car and the whole back seat sang every word")]
    [InlineData("Year 9 are doing Romeo and Juliet for their English mock, revision guides are in the library")]
    [InlineData("a whole convoy of harley davidson bikes went past the chippy on sunday")]
    [InlineData("been singing my bonnie lies over the ocean to the baby for an hour, send help")]
    [InlineData("someone emptied a bottle of dior sauvage in the boys toilets and the whole block stinks")]
    [InlineData("the tyson fury fight is on the big screen at the social club saturday night")]
    [InlineData("billie eilish on repeat in this house since the tickets came through")]
    [InlineData("tickets for tyson fury's next fight are like gold dust")]
    [InlineData("Junior Doctors Strike: my lad's appointment moved again")]
    public void A_first_name_inside_a_well_known_name_is_no_pupil(string text) => Assert.False(Named(text), text);

    /// <summary>Left alone before this pass, by the ordinary-word and title-case rules; kept as guards.</summary>
    [Theory]
    [InlineData("junior doctors are striking again so my lad's hospital appointment got moved")]
    [InlineData("any ideas for a harry potter costume for world book day? need it by thursday")]
    [InlineData("Harry Styles tickets for the wife's birthday, she cried")]
    public void Names_already_read_as_words_or_surnamed_stay_unnamed(string text) => Assert.False(Named(text), text);

    [Theory]
    [InlineData("Destiny's been crying every night because of the girls in her form")]
    [InlineData("romeo and harley were fighting at the gates again, someone needs to sort it")]
    [InlineData("my son says Junior keeps taking his dinner money and nobody does anything")]
    [InlineData("tyson pushed my daughter over in the playground and laughed")]
    [InlineData("my lad says Harry is always winding him up in maths")]
    [InlineData("Destiny Akande's child protection meeting was the talk of the gates")]
    [InlineData("romeo and juliet's parts went to Romeo and Billie, the rest of year 9 fuming")]
    [InlineData("Bonnie Walsh is a nasty little girl and her mum knows it")]
    [InlineData("dior told the whole class my daughter fancies him")]
    [InlineData("billie and the girls in year 11 won't let my daughter sit with them")]
    public void The_pupils_themselves_are_still_named(string text) => Assert.True(Named(text), text);

    [Theory]
    [InlineData("Usyk against Fury is on at the rugby club saturday, reckon Tyson wins it in the tenth")]
    [InlineData("Kane scored twice again, Harry's flying this season")]
    [InlineData("Eilish at the O2 was unreal, Billie's voice live is something else")]
    public void A_first_name_with_the_celebritys_surname_elsewhere_is_no_pupil(string text) => Assert.False(Named(text), text);

    [Theory]
    [InlineData("Tyson told everyone my son cried, fury doesn't even cover how I feel")]
    [InlineData("Billie pushed my daughter, Mrs Penrose was furious")]
    public void A_first_name_without_the_celebritys_surname_is_still_named(string text) => Assert.True(Named(text), text);

    // ---- 2. A pupil's first name straight after another capitalised given name is that person's surname ----

    [Theory]
    [InlineData("Ashley Cole was signing shirts at the sports centre on saturday")]
    [InlineData("Cheryl Cole's new song is on every advert, I can't escape it")]
    [InlineData("someone put Ricky Martin on at the wedding and my dad lost it")]
    [InlineData("we had Gary Martin from the parish council in to judge the bake off")]
    public void A_first_name_after_another_given_name_is_a_surname(string text) => Assert.False(Named(text), text);

    [Theory]
    [InlineData("Romeo Cole and Billie were all in isolation again")]
    [InlineData("Lucky Cole got picked for the team again, funny that")]
    [InlineData("Will Cole be at the party on saturday? he pushed my son last week")]
    [InlineData("my daughter says Martin pushed her off the bench")]
    [InlineData("Ashley, Cole keeps calling my daughter names")]
    public void The_pupil_after_a_roster_name_a_word_or_a_comma_is_still_named(string text) => Assert.True(Named(text), text);

    // ---- 3. A pupil named after a well-known place: the place before a trip or fixture word, after a price or "back from" ----

    [Theory]
    [InlineData("the Paris group land at 9 tonight, coach back to school by 11")]
    [InlineData("Chelsea away on sunday so football training's moved to saturday morning")]
    [InlineData("they charged £600 for Paris and half the year couldn't afford it")]
    [InlineData("just got back from Paris with the kids, absolutely shattered")]
    [InlineData("Chelsea fans on the train being loud as anything")]
    [InlineData("Paris trip letters came home today, deposit due friday")]
    public void A_place_read_as_a_place_is_no_pupil(string text) => Assert.False(Named(text), text);

    [Theory]
    [InlineData("Paris keeps telling my daughter she's fat")]
    [InlineData("Chelsea and her group won't let my daughter sit with them")]
    [InlineData("my son says Paris got him in trouble in science")]
    [InlineData("thanks to Chelsea for looking after my daughter when she fell")]
    [InlineData("Chelsea away from school again, third time this week, and the teachers say nothing")]
    [InlineData("Paris vs Chelsea after school by the shops, everyone's going to watch")]
    public void The_pupils_named_after_places_are_still_named(string text) => Assert.True(Named(text), text);

    // ---- 4. A pet's name: after a pet word or "answers to" ----

    [Theory]
    [InlineData("lost dog near the rec, answers to Bonnie, please ring if you see her")]
    [InlineData("our cat Harley has gone missing again, ginger with a white chest")]
    [InlineData("the new puppy Romeo has eaten my slipper")]
    public void A_pets_name_is_no_pupil(string text) => Assert.False(Named(text), text);

    [Theory]
    [InlineData("Bonnie answers to nobody, she's a nightmare in class")]
    [InlineData("the dog from next door bit Harley at the park")]
    [InlineData("you're a sly little dog Tyson, everyone knows you grassed")]
    public void The_pupils_near_pet_words_are_still_named(string text) => Assert.True(Named(text), text);

    // ---- 5. Road-slang stabbing words ("wet", "chef") and "ill" written for "I'll" before a blow ----

    [Theory]
    [InlineData("if Tyson touches my bag again ill bang him")]
    [InlineData("swear on my life im gonna wet him if he chats about my sister again")]
    [InlineData("on my mum ill chef him up if he comes near my little brother")]
    [InlineData("Kai better stop talking or we're going to wet him after school")]
    public void A_slang_stabbing_after_an_intention_is_a_threat(string text) => Assert.True(Threat(text), text);

    [Theory]
    [InlineData("my son's been ill, kick him out of bed and he'd still sleep all day")]
    [InlineData("I'll wet her hair and plait it before school")]
    [InlineData("im gonna wet him with the water pistol at the fun day 😂")]
    [InlineData("ill chef them up some pasta when they get in from football")]
    [InlineData("he wet himself in assembly, poor lad, be kind")]
    [InlineData("she was that ill she could hit the roof with a temperature like that")]
    public void Soaking_cooking_and_being_ill_are_no_threat(string text) => Assert.False(Threat(text), text);

    // ---- 6. A meal missed today is no neglect; days without food still are ----

    [Theory]
    [InlineData("my daughter hasn't eaten since breakfast, she's saving herself for the party tea")]
    [InlineData("our youngest hasn't eaten his tea again, fussiest kid alive")]
    [InlineData("my son hasn't eaten since school, is the canteen shut or something?")]
    public void A_missed_meal_is_no_concern(string text) => Assert.False(Safeguarding(text), text);

    [Theory]
    [InlineData("the boy across the road hasn't eaten since friday and his mum hasn't been home")]
    [InlineData("my friend's little girl says she hasn't eaten in days and her dad just shouts")]
    public void Days_without_food_are_still_a_concern(string text) => Assert.True(Safeguarding(text), text);
}
