using Courtesy.Policies;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>The rules added after reading the misses of all four sets (the fourth-school pass), checked
/// on the Oakfield roster with wording of their own: posts each must catch and ordinary posts it must
/// leave alone.</summary>
public class FourthSchoolRuleTests
{
    private static bool Has(string category, string text, params string[] own) => TestSchool.Screen(text, own).Categories.Contains(category);

    [Theory]
    [InlineData("Cranston is getting a brick through his window and a slap round the face if he carries on")]
    [InlineData("If Gary Reid opens his mouth again he's getting knocked on his backside")]
    [InlineData("Mr Okafor needs his head kicking in")]
    [InlineData("she'll get a bottle round her head next time, Dawn Moss you know who you are")]
    public void Harm_promised_to_a_body_is_a_threat(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("Marcus got a ball in the face at football, he's fine", "Marcus Reid")]
    [InlineData("Remember they'll get sun cream on their face before the trip, Mr Okafor says")]
    [InlineData("Dawn Moss needs a plaster on her knee after the fun run")]
    [InlineData("my lad's getting a slap on the legs if he loses another coat 😂")]
    public void Accidents_care_and_own_child_hyperbole_are_not(string text, params string[] own) => Assert.False(Has(Categories.ThreatOfViolence, text, own), text);

    [Theory]
    [InlineData("Gary Reid at the quiz 😂😂 dancing like a wobbly jelly")]
    [InlineData("the Oakfield dads at sports day lol running like a herd of cows")]
    public void Likening_someone_to_something_with_laughter_is_mockery(string text) => Assert.True(Has(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("I look like a drowned rat after that walk to school 😂")]
    [InlineData("I'd like a word with the PTA about the raffle lol")]
    [InlineData("Mr Okafor looks like a proper chef in that apron, brilliant bake sale 😂")]
    public void Oneself_wanting_and_praise_are_not(string text) => Assert.False(Has(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("Funny how Cranston's nephew got the caretaker job without any interview 🤔")]
    [InlineData("Mrs Hetherington only hired her cousin for the office post")]
    public void A_relative_given_a_post_with_innuendo_is_an_allegation(string text) => Assert.True(Has(Categories.AllegationAboutStaff, text), text);

    [Theory]
    [InlineData("Mrs Hetherington's husband has a new job in Leeds, lovely for them")]
    [InlineData("My friend got a job in the Oakfield kitchen, only two days a week")]
    public void A_relative_with_a_job_and_nothing_wrong_is_not(string text) => Assert.False(Has(Categories.AllegationAboutStaff, text), text);

    [Theory]
    [InlineData("The Year 4 teacher pushed my son against the wall", "Marcus Reid")]
    [InlineData("Mr Zielinski smacks the kids on the hand when they talk")]
    [InlineData("They leave kids out of the register so the numbers look better, Mrs Hetherington knows")]
    public void Striking_a_child_and_making_records_look_better_are_allegations(string text, params string[] own) => Assert.True(Has(Categories.AllegationAboutStaff, text, own), text);

    [Theory]
    [InlineData("Kayden pushed my son in the line again, Mr Okafor sorted it", "Marcus Reid")]
    [InlineData("The SENCO couldn't plan a picnic if it hit her in the face")]
    public void A_pupil_striking_or_a_thing_hitting_is_not(string text, params string[] own) => Assert.False(Has(Categories.AllegationAboutStaff, text, own), text);

    [Theory]
    [InlineData("Loving the 'extra support' Mr Okafor gives, none at all")]
    [InlineData("Another 'healthy' dinner at Oakfield, chips and a cookie")]
    public void Scare_quotes_about_the_school_are_sarcasm(string text) => Assert.True(Has(Categories.ComplaintAboutSchool, text), text);

    [Theory]
    [InlineData("Dawn Moss and her 'opinions' again, honestly")]
    [InlineData("Mr Okafor's class wrote poems called 'my best day', lovely to read")]
    public void Quotes_about_a_parent_or_a_title_are_not(string text) => Assert.False(Has(Categories.ComplaintAboutSchool, text), text);

    [Fact]
    public void A_grievance_said_of_a_parent_is_not_about_the_school()
    {
        Assert.False(Has(Categories.ComplaintAboutSchool, "Some Year 6 mums need to get a grip, shouting at the gate"));
        Assert.True(Has(Categories.ComplaintAboutSchool, "Year 6 staff need to get a grip, three trips cancelled"));
    }

    [Fact]
    public void Turning_people_on_staff_over_one_s_own_child_is_a_complaint()
    {
        var photo = new PostAttachment("photo", [new TaggedPerson("staff", "Simon Okafor", false)]);
        var post = new Post { Id = "p", Text = "This is the teacher who made my son miss golden time all week. Have a good look at him.", Attachments = [photo] };
        var r = TestSchool.Engine.Screen(post);
        Assert.Contains(Categories.Cyberbullying, r.Categories);
        Assert.Contains(Categories.ComplaintAboutSchool, r.Categories);
    }

    [Theory]
    [InlineData("There's a boy in Year 5, name rhymes with garcus, mums will know")]
    [InlineData("The Albanian girl in Year 2 was crying at the gate")]
    public void A_described_pupil_is_named(string text) => Assert.True(Has(Categories.NamingChildren, text), text);

    [Theory]
    [InlineData("Polish club for Year 3 starts Monday, all welcome")]
    [InlineData("Too many Albanian words on the Year 2 spelling list for our kids")]
    public void A_nationality_without_one_child_is_not(string text) => Assert.False(Has(Categories.NamingChildren, text), text);

    [Fact]
    public void A_confidential_matter_in_the_next_sentence_is_still_about_the_person()
    {
        Assert.True(Has(Categories.ConfidentialInformation, "Have you heard about Kayden Moss? On a reduced timetable since Easter."));
        Assert.False(Has(Categories.ConfidentialInformation, "Have you heard about Kayden Moss? My nephew is on a reduced timetable since Easter."));
    }

    [Fact]
    public void Slagging_someone_off_is_not_sexual()
    {
        Assert.False(Has(Categories.ObsceneContent, "Dawn Moss slags everyone off in the Year 6 chat"));
        Assert.True(Has(Categories.ObsceneContent, "Dawn Moss is a dirty slag"));
    }

    [Fact]
    public void A_workplace_with_an_adverb_before_it_is_still_personal()
    {
        Assert.True(Has(Categories.PersonalInformation, "Mr Okafor also works weekends at the garden centre"));
        Assert.False(Has(Categories.PersonalInformation, "My sister also works weekends at the garden centre"));
    }

    [Fact]
    public void A_praise_word_inside_a_name_praises_nobody()
    {
        const string csv = """
            kind,title,first_name,last_name,preferred_name,role,year_group
            pupil,,Ava,Kind,,,Year 3
            parent,Mr,Lee,Kind,,Parent of Ava Kind,Year 3
            staff,Mrs,Joanne,Hetherington,Jo,Headteacher,
            """;
        var roster = Courtesy.Schools.RosterCsv.Parse(new StringReader(csv.Replace("\r", "")), "kind.csv");
        var engine = ScreeningEngine.Build(TestSchool.School, roster, Categories.All.Select(c => c.Id));
        bool Mocked(string text) => engine.Screen(new Post { Id = "k", Text = text }).Categories.Contains(Categories.Cyberbullying);
        Assert.True(Mocked("Lee Kind at the disco 😂😂 dancing like a startled giraffe"));
        Assert.False(Mocked("Lee Kind was so kind at the disco 😂 dancing like a pro"));
    }
}
