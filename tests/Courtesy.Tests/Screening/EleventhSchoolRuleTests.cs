namespace Courtesy.Tests.Screening;

/// <summary>The classes of slang and dialect misses found on HeldOut14 (road slang, Multicultural London English) and
/// HeldOut15 (Scouse), each checked with wording written for these tests on an invented inner-city all-through
/// school. Every class has posts that must be caught and ordinary posts that share its words. No sentence here is
/// taken from a labelled post.</summary>
public class EleventhSchoolRuleTests
{
    private static readonly InventedSchool Dockside = new("Holloway Dock Academy", ["Holloway Dock", "HDA"], "Gateshead", """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Kai,Morgan,,,Year 8
        pupil,,Jaden,Pryce,,,Year 9
        pupil,,Lacey,Doyle,,,Year 5
        pupil,,Tommy,Nolan,,,Year 3
        pupil,,Paris,Okafor,,,Year 10
        pupil,,Skye,Benson,,,Year 4
        staff,Mr,Leon,Hale,,Head Teacher,
        staff,Mrs,Carol,Kerr,,School Business Manager,
        staff,Miss,Gemma,Platt,,Teaching Assistant,
        """, "eleventh-roster.csv");

    private static bool Has(string category, string text, params string[] own) => Dockside.Screen(text, own).Categories.Contains(category);

    // ---- 1. Dialect spellings of the words the rules key on: a dropped g ("fiddlin", "helpin", "robbin") ----

    [Theory]
    [InlineData("Mrs Kerr's been fiddlin the uniform money for years, everyone on the estate knows")]
    [InlineData("that Miss Platt has been helpin herself to the tuck shop takings")]
    [InlineData("Mr Hale keeps coverin up for his mates on the staff, same every year")]
    public void Misconduct_words_with_a_dropped_g_are_allegations(string text) => Assert.True(Has("allegation-about-staff", text), text);

    [Theory]
    [InlineData("me dad's been fiddlin with the telly aerial all mornin, still no picture")]
    [InlineData("we're winnin 3-0 at half time, come on the under 11s")]
    [InlineData("been helpin at the school fayre all day, me feet are killin")]
    public void Ordinary_words_with_a_dropped_g_are_no_allegation(string text) => Assert.False(Has("allegation-about-staff", text), text);

    // ---- 2. "me" for "my" and grandparents: the poster's own family is no breach ----

    [Theory]
    [InlineData("me grandson Kai read me a whole chapter last night, nanny's dead proud")]
    [InlineData("my granddaughter Lacey got star of the week, made up for her")]
    [InlineData("me son Tommy's lost his PE bag again, if anyone's seen a blue one")]
    public void The_posters_own_grandchild_or_child_in_dialect_is_no_naming(string text) => Assert.False(Has("naming-children", text), text);

    [Theory]
    [InlineData("tell me Jaden Pryce didn't just get picked over the rest of them")]
    [InlineData("me and Lacey Doyle's mam had a right laugh at bingo")]
    public void Other_peoples_children_after_me_are_still_named(string text) => Assert.True(Has("naming-children", text), text);

    // ---- 3. Slang insults said of a person ----

    [Theory]
    [InlineData("Jaden Pryce is a proper wasteman, can't even hold a conversation")]
    [InlineData("shut up Kai u neek nobody asked")]
    [InlineData("that Mr Hale's a right divvy, stood there like a lemon")]
    [InlineData("the teachers in that place are all wastemen")]
    public void Slang_insults_at_a_person_are_offensive(string text) => Assert.True(Has("negative-or-offensive-comment", text), text);

    [Theory]
    [InlineData("we'll divvy up the leftover cakes between the classes at home time")]
    [InlineData("Year 8 have been learning about waste management and recycling this week")]
    public void Ordinary_uses_of_the_words_are_no_insult(string text) => Assert.False(Has("negative-or-offensive-comment", text), text);

    // ---- 4. Slang violent verbs after an intention ----

    [Theory]
    [InlineData("swear down if Mr Hale touches my phone again im gonna bang him")]
    [InlineData("on my life im gonna bang her if she chats about my mum again")]
    public void A_slang_blow_after_an_intention_is_a_threat(string text) => Assert.True(Has("threat-of-violence", text), text);

    [Theory]
    [InlineData("I'll bang him a text about the lift share later")]
    [InlineData("gonna bang out this homework then bed")]
    [InlineData("I'll bang her a message when the coach is back")]
    public void Banging_out_a_text_or_homework_is_no_threat(string text) => Assert.False(Has("threat-of-violence", text), text);

    // ---- 5. Veiled threats in the idioms slang and dialect writers use ----

    [Theory]
    [InlineData("keep looking over your shoulder Jaden, we haven't forgot")]
    [InlineData("touch my little brother again and you'll have me to deal with")]
    [InlineData("Kai Morgan better keep looking over ur shoulder on the way home")]
    [InlineData("say one more word about my sister and u will have all of us to deal with")]
    public void Veiled_threats_in_idiom_are_threats(string text) => Assert.True(Has("threat-of-violence", text), text);

    [Theory]
    [InlineData("stop looking over your shoulder at other people's answers in the mock, Mr Hale will move you")]
    [InlineData("I've had enough of the tuck shop queue to deal with today")]
    [InlineData("the new Year 7s have a lot to deal with in their first week, be kind")]
    public void Ordinary_uses_of_the_idioms_are_no_threat(string text) => Assert.False(Has("threat-of-violence", text), text);

    // ---- 6. "wants sacking", "needs locking up": the Northern and Scottish "wants/needs" + -ing for "should be" ----

    [Theory]
    [InlineData("Mrs Kerr wants sackin, she couldn't run a bath never mind a school office")]
    [InlineData("Mr Hale needs sacking, three years of excuses")]
    [InlineData("Mr Hale's not fit to be a head teacher")]
    public void Staff_said_to_want_sacking_is_disparaged(string text) => Assert.True(Has("complaint-about-school", text), text);

    [Theory]
    [InlineData("Jaden Pryce wants excludin, keep your kids well away from him")]
    [InlineData("Kai Morgan needs expelling, nobody's kid is safe near him")]
    public void A_pupil_said_to_want_excluding_is_shunned(string text) => Assert.True(Has("cyberbullying", text), text);

    [Theory]
    [InlineData("the sports hall needs locking up at 6, can a parent volunteer?")]
    [InlineData("Year 9 had a lovely assembly about how excluding people from games hurts")]
    [InlineData("our dog wants walking and it's chucking it down")]
    public void Things_that_want_doing_are_no_insult_or_shunning(string text)
    {
        Assert.False(Has("negative-or-offensive-comment", text), text);
        Assert.False(Has("cyberbullying", text), text);
        Assert.False(Has("complaint-about-school", text), text);
    }

    // ---- 7. Pupils named after places: the place after "in", "Isle of", a trip or holiday "to" ----

    [Theory]
    [InlineData("3 nights in Paris for £450 in a cost of living crisis, who signed this off")]
    [InlineData("anyone been to the Isle of Skye with kids? is the drive worth it")]
    [InlineData("the Paris trip letter came home today 😬")]
    [InlineData("booked a holiday to Paris for half term, can't wait")]
    public void A_place_that_shares_a_pupils_name_is_no_naming(string text) => Assert.False(Has("naming-children", text), text);

    [Theory]
    [InlineData("shoutout to Paris for that goal today 🔥")]
    [InlineData("Jaden sits next to Paris in maths and never shuts up")]
    [InlineData("who's in Paris's form? need the homework")]
    [InlineData("Paris Okafor got isolation for nothing")]
    [InlineData("believe in Skye, she'll smash the spelling bee")]
    public void The_pupil_is_still_named(string text) => Assert.True(Has("naming-children", text), text);

    // ---- 8. "our" + a first name: the poster's own family in Northern and Scouse usage ----

    [Theory]
    [InlineData("our Lacey's been poorly all week, back Monday hopefully")]
    [InlineData("our Tommy came home buzzin about the trip, made up for him")]
    public void Our_and_a_first_name_is_the_posters_own_child(string text) => Assert.False(Has("naming-children", text), text);

    [Theory]
    [InlineData("Lacey Doyle pushed our Tommy over in the yard again")]
    [InlineData("our Kai and Jaden have been scrapping again, Jaden started it")]
    public void Other_children_beside_our_own_are_still_named(string text) => Assert.True(Has("naming-children", text), text);

    // ---- 9. Text-speak and dialect spellings of "your", "you", "them" inside the phrases the rules key on ----

    [Theory]
    [InlineData("racist-comment", "if u dont like it here go back to ur own country")]
    [InlineData("threat-of-violence", "Kai Morgan ya better watch ya back")]
    public void Text_speak_spellings_read_as_the_standard_phrase(string category, string text) => Assert.True(Has(category, text), text);

    [Theory]
    [InlineData("racist-comment", "if u dont like the new menu go back to ur packed lunches lol")]
    [InlineData("racist-comment", "the jumpers are tiny, send em back and get the next size up")]
    [InlineData("threat-of-violence", "mind ya back on the stairs, they've just been mopped")]
    public void Ordinary_text_speak_is_not_read_as_the_phrase(string category, string text) => Assert.False(Has(category, text), text);

    // ---- 10. Dialect and slang words for children: "bairn" (North East), "wean" (Scotland), "little un", "youngers" ----

    [Theory]
    [InlineData("a little bairn was wandering round the estate at midnight on his own, no coat")]
    [InlineData("there's a little un from the flats out on her own at 11pm most nights")]
    public void A_dialect_child_out_alone_at_night_is_at_risk(string text) => Assert.True(Dockside.Screen(text).Safeguarding, text);

    [Theory]
    [InlineData("dont let your bairns near Jaden Pryce, he's trouble")]
    [InlineData("keep ur weans away from Kai Morgan")]
    public void Shunning_a_child_in_dialect_is_cyberbullying(string text) => Assert.True(Has("cyberbullying", text), text);

    [Theory]
    [InlineData("the bairns had a lovely time at the Christmas fair, thank you all")]
    [InlineData("our little un is finally sleeping on her own at night 🙌")]
    public void Ordinary_dialect_posts_about_children_are_no_concern(string text)
    {
        var r = Dockside.Screen(text);
        Assert.False(r.Safeguarding, text);
        Assert.False(r.Categories.Contains("cyberbullying"), text);
    }

    // ---- 11. Northern "nowt", "owt", "summat" for nothing, anything, something ----

    [Theory]
    [InlineData("emailed Holloway Dock twice about it and they did nowt")]
    [InlineData("Mr Hale does nowt about the fighting at the gates")]
    public void A_school_that_does_nowt_is_a_complaint(string text) => Assert.True(Has("complaint-about-school", text), text);

    [Theory]
    [InlineData("lazy sunday, did nowt all day but watch the telly 😂")]
    [InlineData("our Tommy did nowt but smile all through his assembly, dead proud")]
    public void Doing_nowt_at_home_is_no_complaint(string text) => Assert.False(Has("complaint-about-school", text), text);

    // ---- 12. Threat idioms told through someone else, or with the teeth, and a call to go and knock ----

    [Theory]
    [InlineData("threat-of-violence", "whoever Jaden's older brother is, tell him watch himself round the estate")]
    [InlineData("threat-of-violence", "tell her watch herself, Lacey Doyle's mam is all mouth")]
    [InlineData("threat-of-violence", "swear down i'll knock that teacher's teeth down his throat")]
    [InlineData("personal-information", "Kai Morgan lives in the tower block, flat 57, go knock")]
    [InlineData("cyberbullying", "Kai Morgan lives in the tower block, flat 57, go knock")]
    public void Veiled_and_second_hand_threats_are_caught(string category, string text) => Assert.True(Has(category, text), text);

    [Theory]
    [InlineData("threat-of-violence", "tell him to watch himself on the ice, the path by the gates is lethal")]
    [InlineData("cyberbullying", "good luck in the final tomorrow lads, go knock em dead")]
    [InlineData("threat-of-violence", "the dentist says her teeth are coming through fine")]
    public void Ordinary_words_around_them_are_no_threat(string category, string text) => Assert.False(Has(category, text), text);
}
