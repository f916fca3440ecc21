using Courtesy.Policies;

namespace Courtesy.Tests.Screening;

/// <summary>The allegation, defamation and complaint families of the generalisation pass, on the invented
/// secondary roster (<see cref="SecondarySchool"/>), in wording of their own: an adult's mistreatment of a child
/// (the person slot filled by a name, a role or a pupil), dishonesty or dismissal stated as fact, and grievances
/// about the school's silence and decisions; with ordinary posts that share their words.</summary>
public class FrameFamilyTests
{
    private static bool Has(string category, string text, params string[] own) => SecondarySchool.Screen(text, own).Categories.Contains(category);

    [Theory]
    [InlineData("Ms Sowerby singles my daughter out every single lesson")]
    [InlineData("Mrs Ogunleye belittles the quiet students in front of everyone")]
    [InlineData("Ms Sowerby mocks Mercy's stammer in front of the class")]
    [InlineData("Mr Whitlock lost his rag with Tyler and threw the book across the room")]
    [InlineData("Mr Lomax is a crook, ask anyone who was on the PTA")]
    public void An_adults_mistreatment_or_dishonesty_is_an_allegation_and_defamatory(string text)
    {
        Assert.True(Has(Categories.AllegationAboutStaff, text), text);
        Assert.True(Has(Categories.DefamatoryStatement, text), text);
    }

    [Theory]
    [InlineData("Mr Whitlock shouted my son's name out at the awards evening, so proud")]
    [InlineData("Mr Lomax picked my daughter for the netball team")]
    [InlineData("The new Year 7s mocked the quiet students on the bus, I've told mine to stay out of it")]
    public void Praise_and_childrens_behaviour_are_not_allegations(string text) => Assert.False(Has(Categories.AllegationAboutStaff, text), text);

    [Theory]
    [InlineData("Emailed Highcliffe three times about the bus and nobody replies")]
    [InlineData("Raised the bullying at parents evening and got fobbed off again")]
    [InlineData("Highcliffe has ruined the music department, there is nothing left of it")]
    [InlineData("Tyler Fenwick has been throwing chairs for weeks and the school does nothing")]
    public void Silence_being_fobbed_off_and_ruin_are_complaints(string text) => Assert.True(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("Nobody replies in the football group chat anymore 😂")]
    [InlineData("The rain ruined our barbecue but the kids loved it")]
    [InlineData("How do I make a formal complaint to Highcliffe? Is it the governors first?")]
    public void Chat_weather_and_asking_how_to_complain_are_not(string text) => Assert.False(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("Tina Kennedy is a right slapper, everyone on the estate knows")]
    [InlineData("Shaun Fenwick's new girlfriend is Tina Kennedy, total slut")]
    public void Calling_a_named_woman_unchaste_is_defamatory(string text) => Assert.True(Has(Categories.DefamatoryStatement, text), text);

    [Theory]
    [InlineData("Tina Kennedy says the Year 9 mums have been slagging her off in the group")]
    [InlineData("Is it true Tina Kennedy called them all slags at the fair?")]
    public void Slagging_off_and_questions_are_not(string text) => Assert.False(Has(Categories.DefamatoryStatement, text), text);

    [Theory]
    [InlineData("Tyler Fenwick is the one who smashed the minibus window, my lad saw it")]
    [InlineData("Mr Whitlock was the one that nicked the charity tin")]
    public void Naming_the_one_who_did_wrong_is_defamatory(string text) => Assert.True(Has(Categories.DefamatoryStatement, text), text);

    [Theory]
    [InlineData("Tyler Fenwick is the one who organised the charity run, well done lad")]
    [InlineData("Was Tyler Fenwick the one who broke the window?")]
    public void The_one_who_did_good_or_asked_is_not(string text) => Assert.False(Has(Categories.DefamatoryStatement, text), text);

    [Fact]
    public void He_or_she_after_a_sentence_naming_staff_is_the_adult() =>
        Assert.True(Has(Categories.AllegationAboutStaff, "Mr Whitlock is a bully. He mocks my daughter's stammer every lesson"));

    [Theory]
    [InlineData("Tyler Fenwick is a menace. He mocks my daughter's stammer every lesson")]
    [InlineData("Mr Whitlock is lovely. He always hits the ball for the kids at rounders")]
    public void He_after_a_pupil_or_at_a_ball_is_not(string text) => Assert.False(Has(Categories.AllegationAboutStaff, text), text);

    [Theory]
    [InlineData("The receptionist at Highcliffe is so rude every time you ring")]
    [InlineData("Whoever came up with the new one way system at Highcliffe has never done a school run")]
    [InlineData("Highcliffe couldn't care less about the bullying")]
    [InlineData("He punched a teacher and he's allowed back at Highcliffe on Monday?")]
    public void Rudeness_indifference_and_thoughtless_decisions_are_complaints(string text) => Assert.True(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("My son was rude to his nan so no Xbox this weekend")]
    [InlineData("Whoever came up with the idea of a bake sale, thank you, it was brilliant")]
    public void Rudeness_at_home_and_thanks_are_not(string text) => Assert.False(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("Funny how Mr Whitlock is always messaging the Year 10 girls on Snapchat 🤔")]
    [InlineData("Anyone else think it's odd that the PE teacher gives the girls lifts home after netball?")]
    public void Uneasy_private_contact_between_staff_and_pupils_is_an_allegation(string text) => Assert.True(Has(Categories.AllegationAboutStaff, text), text);

    [Theory]
    [InlineData("Mr Whitlock messages the students about homework on Teams, really helpful")]
    [InlineData("Mr Whitlock gave the girls lifts home after the match, so kind of him")]
    [InlineData("Weird weather. Mr Whitlock texted the kids to say the match is off")]
    public void Ordinary_contact_is_not(string text) => Assert.False(Has(Categories.AllegationAboutStaff, text), text);

    [Theory]
    [InlineData("£35 for a revision guide they could have emailed, ridiculous")]
    [InlineData("Why are we paying £40 for a calculator 🙄")]
    public void A_charge_with_a_grievance_is_a_complaint(string text) => Assert.True(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("Won £20 on the scratchcard, ridiculous luck 😂")]
    [InlineData("Found £10 in my coat pocket, ridiculous how happy that made me")]
    public void A_sum_that_is_no_charge_is_not(string text) => Assert.False(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("I'm going to wait outside the gates and jump him when he comes out")]
    [InlineData("Someone needs to spark her out, the way she spoke to my daughter")]
    public void Uk_idioms_of_violence_after_an_intention_are_threats(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Fact]
    public void Jumping_in_the_pool_is_not() => Assert.False(Has(Categories.ThreatOfViolence, "We're going to jump in the pool after school"));

    [Theory]
    [InlineData("If Tyler's dad wants to start again I'll finish it")]
    [InlineData("if he starts on my lad again I'll finish him")]
    public void If_he_starts_ill_finish_it_is_a_threat(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("Started the Year 9 project on Sunday, I'll finish it tonight")]
    [InlineData("If you want to start the quiz I'll finish it off at the end")]
    public void Starting_and_finishing_a_task_is_not(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);
}
