namespace Courtesy.Tests.Screening;

/// <summary>The classes of false alarm found on HeldOut23-28 (a Cornish village primary, an Aberdeenshire academy, an
/// alternative provision, a Cotswolds boarding school, an east London primary, a Leeds primary's long forum posts)
/// and on the older working sets, each checked with wording written for these tests on an invented coastal primary
/// whose pupils share their names with boats, rivers, islands and songs. Every class has clean posts that must stay
/// clean and posts sharing their words that must stay flagged. No sentence here is taken from a labelled post.</summary>
public class FourteenthSchoolRuleTests
{
    private static readonly InventedSchool Harbour = new("Polwenna Bay Primary School", ["Polwenna Bay", "PBP"], "Falmouth", """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Demelza,Rowe,,,Year 4
        pupil,,Kerra,Penrose,,,Year 5
        pupil,,Tristan,Nance,,,Year 6
        pupil,,Isla,Trembath,,,Year 3
        pupil,,Arran,Couch,,,Year 2
        pupil,,Jago,Pascoe,,,Year 6
        pupil,,Grace,Hocking,,,Year 4
        pupil,,Levi,Tonkin,,,Year 1
        staff,Mrs,Lowenna,Hichens,,Head Teacher,
        staff,Mr,Piran,Eddy,,Year 6 Teacher,
        """, "fourteenth-roster.csv");

    private static bool Has(string category, string text, params string[] own) => Harbour.Screen(text, own).Categories.Contains(category);

    // ---- 1. Quotation marks that are not sarcasm: words talked about, a child quoted at home ----

    [Theory]
    [InlineData("my youngest burst into tears at the word 'spelling' for a whole year and now she reads in bed, thank you Polwenna Bay")]
    [InlineData("I never want to hear the words 'modal verb' again, year 6 homework at Polwenna Bay is something else")]
    [InlineData("DS came home from school and informed us that tea is now 'dinner' and dinner is 'lunch'. who knew")]
    [InlineData("third reading book gone at school this term and my son says it 'vanished'. they'll send another")]
    [InlineData("my daughter has lost another PE bag, the third this term. She says it 'walked off'. Could Year 2 parents check their bags please")]
    [InlineData("my daughter asked me what a 'fronted adverbial' is and I had no idea, year 4 homework is beyond me")]
    public void Words_talked_about_or_a_child_quoted_are_no_complaint(string text) => Assert.False(Has("complaint-about-school", text), text);

    [Theory]
    [InlineData("the head calls it 'support' when they leave my son in a corridor all afternoon at Polwenna Bay")]
    [InlineData("the school 'lost' my daughter's EHCP paperwork for the third time")]
    [InlineData("Mr Eddy told me my son is 'too much'. Is that how you talk about a 10 year old?")]
    public void Sarcastic_quotes_about_the_school_stay_a_complaint(string text) => Assert.True(Has("complaint-about-school", text), text);

    // ---- 2. A grievance aimed at the council, the buses or the government, or with the school cleared outright ----

    [Theory]
    [InlineData("Cornwall council are a shambles, three months on and the potholes outside Polwenna Bay are still there")]
    [InlineData("the 8.15 school bus never turned up again and thirty kids stood in the rain. not the school's fault at all, the bus company is a disgrace")]
    [InlineData("the amount of litter by the harbour after school is disgusting. not blaming the school, it's the takeaway")]
    public void Grievances_aimed_elsewhere_are_no_complaint_about_the_school(string text) => Assert.False(Has("complaint-about-school", text), text);

    [Theory]
    [InlineData("Polwenna Bay is a shambles, the council should step in")]
    [InlineData("the head is an absolute joke, three emails and nothing back")]
    [InlineData("the council cut the budget but that's no excuse, the school is a disgrace and Mrs Hichens ignored every email")]
    // The council runs maintained schools: named in passing near a grievance, it does not take the grievance away.
    [InlineData("the council has agreed to shut the nursery at Polwenna Bay. absolute shambles.")]
    public void Grievances_at_the_school_stay_a_complaint(string text) => Assert.True(Has("complaint-about-school", text), text);

    // ---- 3. A pupil's first name used for a boat, a river, a song, a brand, an island, a pet or an adult at work ----

    [Theory]
    [InlineData("the Demelza came in with a hold full of mackerel this morning, £2 a fish on the quay")]
    [InlineData("walked the dog along the Isla after school, the river is right up after all that rain")]
    [InlineData("the Year 3 choir sang Amazing Grace at the harvest service, not a dry eye in the church")]
    [InlineData("Levi's jeans in the charity shop, age 9-10, £5 if anyone needs them for the trip")]
    [InlineData("thinking of a long weekend at half term, has anyone been to Arran with little ones?")]
    [InlineData("Arran ferry cancelled again so that's half term sorted, staying home")]
    [InlineData("Kerra from the bakery is doing free pasties for all the sports day helpers")]
    [InlineData("my son got a kitten for his birthday and he's named it Tristan, don't ask")]
    public void A_name_used_for_something_else_names_no_pupil(string text) => Assert.False(Has("naming-children", text), text);

    [Theory]
    [InlineData("the Tristan I know would never take anything from anyone's bag")]
    [InlineData("Kerra from Year 5 has been picking on my daughter all week")]
    [InlineData("Grace in year 4 keeps telling the others not to play with my son")]
    [InlineData("Demelza Rowe was crying at the gate again this morning")]
    public void A_pupil_named_near_those_words_is_still_named(string text) => Assert.True(Has("naming-children", text), text);

    // ---- 4. Exasperation: killing "someone" after one more ordeal, or the author's own child ----

    [Theory]
    [InlineData("if the wifi drops one more time tonight I'm going to kill someone")]
    [InlineData("Mr Eddy was lovely about it all. But if I have to draw one more times table grid I will kill somebody")]
    [InlineData("I'm going to kill DS, that's the second lunchbox he's lost this week")]
    public void Exasperation_is_no_threat(string text) => Assert.False(Has("threat-of-violence", text), text);

    [Theory]
    [InlineData("if Mr Eddy gives my son one more detention I'm going to kill him")]
    [InlineData("one more comment about my son and I'm going to kill somebody, starting with Jago Pascoe's dad")]
    [InlineData("I'm going to kill Tristan Nance when I see him at the gate")]
    public void Threats_near_those_words_stay_threats(string text) => Assert.True(Has("threat-of-violence", text), text);
}
