using Courtesy.Policies;

namespace Courtesy.Tests.Screening;

/// <summary>The failure classes found on HeldOut7 (Kestrel Vale, the first secondary set, used as a working set
/// from 2026-11-21), each checked with wording written for these tests on the invented rosters, and ordinary
/// posts that share its words. No sentence here is taken from a labelled post.</summary>
public class EighthSchoolRuleTests
{
    private static bool Secondary(string category, string text) => SecondarySchool.Screen(text).Categories.Contains(category);
    private static bool Primary(string category, string text) => TestSchool.Screen(text).Categories.Contains(category);

    // ---- 1. A name that is an ordinary word, at the start of a sentence, said to be or do what only a person is or does ----

    [Theory]
    [InlineData("Poppy is a snake, don't trust a word she says")]
    [InlineData("Mercy is such a liar, she made the whole thing up")]
    [InlineData("Iris thinks she's better than everyone in year 9")]
    [InlineData("Rowan reckons he's the hardest lad in school")]
    [InlineData("Jack was a proper idiot on the coach today")]
    public void An_ordinary_word_name_opening_a_sentence_about_a_person_names_the_pupil(string text) =>
        Assert.True(Secondary(Categories.NamingChildren, text), text);

    [Theory]
    [InlineData("Will is a liar and everyone in year 5 knows it")]
    [InlineData("Grace thinks she runs the playground")]
    public void The_same_on_the_primary_roster(string text) => Assert.True(Primary(Categories.NamingChildren, text), text);

    [Theory]
    [InlineData("Mercy is a big theme in this term's RE topic")]
    [InlineData("Poppy is a lovely flower for the remembrance display")]
    [InlineData("Iris is a part of the eye, we did it in biology")]
    [InlineData("Jack is a word for a car jack too, my son asked")]
    public void The_word_as_a_thing_is_nobody(string text) => Assert.False(Secondary(Categories.NamingChildren, text), text);

    [Theory]
    [InlineData("Will there be a bus on Friday for the trip?")]
    [InlineData("Grace is said before lunch every day at church schools")]
    [InlineData("Summer is a nightmare for my hay fever")]
    [InlineData("Hunter wellies are on the kit list for the farm trip")]
    public void Ordinary_sentences_on_the_primary_roster_name_nobody(string text) => Assert.False(Primary(Categories.NamingChildren, text), text);

    // ---- 2. A named pupil laughed at with a put-down frame: a superlative, "thinks he's a ...", a fan page, a rating ----

    [Theory]
    [InlineData("Tyler Fenwick is the thickest lad in year 10 💀")]
    [InlineData("Rowan Pritchard thinks he's a gangster 😂😂 five foot nothing")]
    [InlineData("someone made a fan page for Iris Kennedy's eyebrows 😂 go follow")]
    [InlineData("rate the year 8 boys: Rowan Pritchard 3/10, Jack Kennedy 1/10 💀")]
    [InlineData("Mercy Adeyemi is the weirdest girl in the whole school 😂")]
    public void Laughing_put_downs_of_a_named_pupil_are_bullying(string text) => Assert.True(Secondary(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("Tyler Fenwick is the dumbest person in our form, he thought Brazil was in Europe")]
    [InlineData("Jack Kennedy is the smelliest kid in year 7")]
    public void A_superlative_put_down_is_offensive(string text) => Assert.True(Secondary(Categories.NegativeOrOffensiveComment, text), text);

    [Theory]
    [InlineData("Tyler Fenwick is the fastest lad in year 10 😂 no one can catch him")]
    [InlineData("Rowan Pritchard thinks he's going to make the team 😂 fingers crossed")]
    [InlineData("we made a fan page for the netball team 😂 go follow")]
    [InlineData("rate the year 8 play out of 10 😂 I say 11")]
    [InlineData("Mercy Adeyemi is the kindest girl in the whole school 😂 love her")]
    public void Laughter_with_praise_or_no_person_is_not(string text)
    {
        var r = SecondarySchool.Screen(text);
        Assert.False(r.Categories.Contains(Categories.Cyberbullying) || r.Categories.Contains(Categories.NegativeOrOffensiveComment), text);
    }

    // ---- 3. A veiled or conditional threat: trouble promised, a confrontation dared, a warning to watch out ----

    [Theory]
    [InlineData("if those lads touch my son again there'll be trouble")]
    [InlineData("Tyler Fenwick wants to mouth off online, say it to my face at the gates")]
    [InlineData("Rowan better watch out on monday, that's all I'm saying")]
    [InlineData("if Mr Lomax keeps my daughter in again there will be trouble")]
    [InlineData("next time Mr Whitlock grabs my lad I'll drag Mr Whitlock round the playground")]
    [InlineData("I'll drag her across the car park by her hair if she starts")]
    public void Veiled_and_conditional_threats_are_threats(string text) => Assert.True(Secondary(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("watch out for the ice on the hill by the sports hall")]
    [InlineData("There was trouble with the coach so the trip is late back")]
    [InlineData("if you've got questions about options, say it to Mrs Ogunleye at parents evening")]
    [InlineData("I'll drag the bins round the back after the fair")]
    [InlineData("there's been trouble with the bus app all week")]
    public void Ordinary_warnings_and_trouble_are_not(string text) => Assert.False(Secondary(Categories.ThreatOfViolence, text), text);

    // ---- 4. Contempt nouns for adults and groups of adults ----

    [Theory]
    [InlineData("the principal is a parasite, takes the money and does nothing")]
    [InlineData("half the mums in that group are Karens")]
    [InlineData("stay away from my son you little scrote")]
    [InlineData("those parents can't parent, their kids run riot in town")]
    public void Contempt_for_adults_is_offensive(string text) => Assert.True(Secondary(Categories.NegativeOrOffensiveComment, text), text);

    [Theory]
    [InlineData("we did parasites in biology, the tapeworm one was grim")]
    [InlineData("Karen from the office is lovely, she sorted the bus pass")]
    [InlineData("the parents evening was well run this year")]
    public void The_same_words_meant_plainly_are_not(string text) => Assert.False(Secondary(Categories.NegativeOrOffensiveComment, text), text);

    // ---- 5. Where a person can be found on a routine: a place and a recurring time ----

    [Theory]
    [InlineData("Iris Kennedy is at the leisure centre on her own every Thursday")]
    [InlineData("Mrs Ogunleye lives two doors down from my sister")]
    [InlineData("Tyler Fenwick gets the bus from outside the chippy every night")]
    public void Routine_whereabouts_are_personal_information(string text) => Assert.True(Secondary(Categories.PersonalInformation, text), text);

    [Theory]
    [InlineData("football club is every Thursday after school in the sports hall")]
    [InlineData("the 62 bus goes from outside the school every night at 4")]
    [InlineData("my lad has guitar every Tuesday and walks home with his mates after")]
    [InlineData("we live three doors down from the school so we walk")]
    public void Timetables_and_a_parent_s_own_child_are_not(string text) => Assert.False(Secondary(Categories.PersonalInformation, text), text);

    // ---- 6. Abuse or a threat aimed at staff over something only the school decides: a complaint, whatever the words ----

    [Theory]
    [InlineData("tell that useless principal to stick his uniform policy where the sun don't shine")]
    [InlineData("someone should slap Mr Lomax, see if he still wants detentions for trainers")]
    [InlineData("Ms Sowerby is a vile woman and her isolation room is a joke")]
    public void Abuse_of_staff_over_a_school_matter_is_a_complaint(string text) => Assert.True(Secondary(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("Mr Lomax is a legend, detentions dropped by half this year")]
    [InlineData("Tyler Fenwick is a vile little thug, got a detention from Mr Lomax and deserved it")]
    [InlineData("my lad is an idiot, forgot his PE kit again and the teacher had to lend him shorts")]
    [InlineData("Mr Whitlock can give me a detention any day 😏 fit as")]
    public void Praise_abuse_of_a_pupil_or_innuendo_is_not(string text) => Assert.False(Secondary(Categories.ComplaintAboutSchool, text), text);

    // ---- 7. Origin as the explanation, and nationalist slogans about staff and pupils ----

    [Theory]
    [InlineData("Ms Sowerby can't keep order, they don't do it like that where she's from")]
    [InlineData("no wonder Mr Birch shouts, that's how they do things where he comes from")]
    [InlineData("enough of this, English teachers for English kids at Highcliffe")]
    [InlineData("British jobs for British workers, the new TAs should never have been hired")]
    public void Origin_blamed_and_nationalist_slogans_are_racist(string text) => Assert.True(Secondary(Categories.RacistComment, text), text);

    [Theory]
    [InlineData("does anyone know where she's from? the new girl is lovely")]
    [InlineData("the English teachers at Highcliffe are brilliant this year")]
    [InlineData("Mr Birch told us about where he comes from, Cornwall sounds amazing")]
    public void Asking_or_praising_is_not(string text) => Assert.False(Secondary(Categories.RacistComment, text), text);

    // ---- 8. Shutting a named person out, or inviting others to have a go at them ----

    [Theory]
    [InlineData("everyone leave Iris Kennedy out of the group chat, she's a grass")]
    [InlineData("Tina Kennedy is at it again, someone mute her on the parents chat")]
    [InlineData("Rowan Pritchard walks home past the shop, if anyone's got something to say to him")]
    [InlineData("leave Jack out of the 5 a side tonight lads, no one wants him")]
    public void Shutting_out_or_setting_others_on_a_person_is_bullying(string text) => Assert.True(Secondary(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("please leave Iris at the front gate at 3, I'll collect her")]
    [InlineData("leave Jack a slice of cake, he's at football")]
    [InlineData("I'll mute the year 9 chat, too many notifications")]
    [InlineData("if anyone's got something to say about the options evening, tell Mrs Ogunleye")]
    public void Errands_and_muting_a_chat_are_not(string text) => Assert.False(Secondary(Categories.Cyberbullying, text), text);

    // ---- 9. A child picked out through a parent on the roster: "Shaun Fenwick's lad", "Mr Whitlock's daughter in year 12" ----

    [Theory]
    [InlineData("Shaun Fenwick's lad is always starting fights")]
    [InlineData("Mr Whitlock's daughter in year 12 is a proper cow")]
    [InlineData("Tina Kennedy's girls think they own the place")]
    public void A_child_named_through_a_roster_parent_is_named(string text) => Assert.True(Secondary(Categories.NamingChildren, text), text);

    [Theory]
    [InlineData("Mr Whitlock's daughter got married in the summer, lovely photos")]
    [InlineData("Mr Lomax's office is next to reception")]
    public void A_member_of_staff_s_grown_up_family_is_not(string text) => Assert.False(Secondary(Categories.NamingChildren, text), text);

    [Fact]
    public void The_author_s_own_child_through_their_own_name_is_not() =>
        Assert.DoesNotContain(Categories.NamingChildren, SecondarySchool.Screen("Tina Kennedy's girls were brilliant in the play", "Iris Kennedy").Categories);

    // ---- 10. Gross sexual phrases aimed at staff, and a girl said to be "passed round" ----

    [Theory]
    [InlineData("Ms Sowerby can sit on my face any day 🥵")]
    [InlineData("Poppy Hale has been passed round the whole of year 12")]
    public void Gross_sexual_remarks_about_a_person_are_obscene(string text) => Assert.True(Secondary(Categories.ObsceneContent, text) || Secondary(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("the permission slips have been passed round the class")]
    [InlineData("my toddler tried to sit on my face this morning 😂 lovely wake up")]
    public void Paper_passed_round_and_a_toddler_are_not(string text)
    {
        var r = SecondarySchool.Screen(text);
        Assert.False(r.Police, text);
    }

    // ---- 11. Staff said to treat children by who their parents are: double standards and favours bought ----

    [Theory]
    [InlineData("Funny how the deputy's own kids never get detentions 🤔")]
    [InlineData("Mrs Ogunleye puts kids in the top set if their parents donate to the school")]
    [InlineData("Mr Whitlock plays favourites, always the same kids picked for the team")]
    public void Double_standards_and_bought_favours_are_allegations(string text) => Assert.True(Secondary(Categories.AllegationAboutStaff, text), text);

    [Theory]
    [InlineData("my own kids never get homework on Fridays, is that normal?")]
    [InlineData("parents who donate to the PTA raffle get a free ticket from Mrs Ogunleye")]
    [InlineData("Mr Whitlock asked the kids to pick their favourites for the reading list")]
    public void Ordinary_talk_of_kids_and_donations_is_not(string text) => Assert.False(Secondary(Categories.AllegationAboutStaff, text), text);

    // ---- 12. A grievance in parents' words: punished for nothing, covering themselves, "not happy" ----

    [Theory]
    [InlineData("Mr Birch gave my son a detention for something he didn't do and won't listen")]
    [InlineData("Highcliffe lost the coursework and blamed the kids to cover themselves")]
    [InlineData("Not happy Highcliffe, three supply teachers in one week")]
    public void Grievances_in_parents_words_are_complaints(string text) => Assert.True(Secondary(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("my son says he's not happy with his own drawing, perfectionist 😂")]
    [InlineData("he took the blame for something he didn't do in the film, such a good plot")]
    public void The_same_words_away_from_the_school_are_not(string text) => Assert.False(Secondary(Categories.ComplaintAboutSchool, text), text);

    // ---- 13. A dare to confront is a threat wherever it is to happen, the school gate included ----

    [Fact]
    public void A_dare_at_pick_up_is_a_threat() =>
        Assert.True(Secondary(Categories.ThreatOfViolence, "if Tina Kennedy has a problem she can say it to my face at pick up"));

    // ---- 14. Private contact with pupils with outrage that the adult is still teaching ----

    [Theory]
    [InlineData("Mr Whitlock keeps messaging the year 9 girls on snapchat. how is he still teaching")]
    [InlineData("Mr Birch has been DMing year 10 girls on insta, how is he still allowed near kids")]
    public void Contact_with_pupils_and_outrage_is_an_allegation(string text) => Assert.True(Secondary(Categories.AllegationAboutStaff, text), text);

    [Fact]
    public void Messaging_parents_about_homework_is_not() =>
        Assert.False(Secondary(Categories.AllegationAboutStaff, "Mr Whitlock messages the year 9 parents about homework on Teams, very organised"));

    // ---- 15. Staff said to skive: off sick or working from home "supposedly" ----

    [Theory]
    [InlineData("Ms Sowerby is supposedly off sick but she was in the pub all weekend")]
    [InlineData("Mr Lomax is supposedly working from home, his car hasn't moved from the golf club")]
    public void Skiving_is_an_allegation(string text) => Assert.True(Secondary(Categories.AllegationAboutStaff, text), text);

    [Fact]
    public void Working_from_home_is_not() =>
        Assert.False(Secondary(Categories.AllegationAboutStaff, "Mr Lomax is working from home today, the office will pass on messages"));

    // ---- 16. A parent banned from the site: a private disciplinary matter and a claim of misbehaviour ----

    [Theory]
    [InlineData("Shaun Fenwick has been banned from the site for shouting at the office staff")]
    [InlineData("Tina Kennedy got banned from the premises after kicking off at parents evening")]
    public void A_named_adult_banned_from_the_site_is_confidential(string text) => Assert.True(Secondary(Categories.ConfidentialInformation, text), text);

    [Fact]
    public void Dogs_banned_from_the_site_are_not() =>
        Assert.False(Secondary(Categories.ConfidentialInformation, "dogs are banned from the site at pick up, please leave them at home"));

    // ---- 17. A named pupil called a bad influence ----

    [Fact]
    public void A_bad_influence_is_offensive() =>
        Assert.True(Secondary(Categories.NegativeOrOffensiveComment, "Rowan Pritchard is a bad influence, keep your kids away from him"));

    [Fact]
    public void Worrying_about_influence_in_general_is_not() =>
        Assert.False(Secondary(Categories.NegativeOrOffensiveComment, "TikTok is such an influence on year 8, any tips for screen time?"));

    // ---- 18. A new chat for parents who are fed up with the school ----

    [Fact]
    public void A_new_whatsapp_against_the_school_is_a_forum() =>
        Assert.True(Secondary(Categories.PetitionOrForumAgainstSchool, "Starting a new whatsapp for Highcliffe parents who've had enough of the head, message me"));

    [Fact]
    public void A_new_whatsapp_for_a_team_is_not() =>
        Assert.False(Secondary(Categories.PetitionOrForumAgainstSchool, "new whatsapp for the year 7 football parents, dm me for the link"));

    // ---- 19. The school's own lines are no one's personal information ----

    [Theory]
    [InlineData("Highcliffe main office 01632 960111, open till 4 for uniform queries")]
    [InlineData("ring the absence line on 01632 960222 before 8.30 if they're off")]
    [InlineData("main reception is 01632 960333 if anyone needs it")]
    public void The_school_s_own_lines_are_not_personal_information(string text) => Assert.False(Secondary(Categories.PersonalInformation, text), text);

    [Fact]
    public void A_teacher_s_mobile_still_is() =>
        Assert.True(Secondary(Categories.PersonalInformation, "Mr Lomax's mobile is 07700 900444, he gave it out at the office"));
}
