using Courtesy.Policies;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

public class DetectorTests
{
    private static void Flags(string category, string text, params string[] own)
    {
        var r = TestSchool.Screen(text, own);
        Assert.True(r.Categories.Contains(category), $"expected {category} for: {text}\n got [{string.Join(", ", r.Categories)}]");
        var f = r.Findings.First(x => x.CategoryId == category);
        Assert.False(string.IsNullOrWhiteSpace(f.Reason));
        Assert.False(string.IsNullOrWhiteSpace(f.Detector));
        Assert.InRange(f.Start, 0, text.Length);
        Assert.InRange(f.Start + f.Length, 0, text.Length);
        if (f.Length > 0) Assert.Equal(text.Substring(f.Start, Math.Min(f.Length, 200)), f.Text);
    }

    private static void Clear(string category, string text, params string[] own)
    {
        var r = TestSchool.Screen(text, own);
        Assert.False(r.Categories.Contains(category), $"did not expect {category} for: {text}\n findings: {string.Join("; ", r.Findings.Select(f => f.CategoryId + " '" + f.Text + "'"))}");
    }

    [Theory]
    [InlineData("Marcus Reid was a nightmare at the party, honestly")]
    [InlineData("marcus reids mum needs to have a word with him")]
    [InlineData("Did anyone see the Moss kid kicking off at pick up")]
    [InlineData("Kayden in Y6 is brilliant at football")]
    [InlineData("That Hunter kid in Y1 keeps pushing")]
    [InlineData("congrats to Grace W in Y2 on her certificate")]
    [InlineData("Aaliyah's mum is doing the cake stall")]
    [InlineData("Kayden, Collins and Marcus were fighting again")]
    public void Naming_children(string text) => Flags(Categories.NamingChildren, text);

    [Theory]
    [InlineData("Grace before meals is a lovely tradition", new string[0])]
    [InlineData("Will there be a disco this term?", new string[0])]
    [InlineData("We're going hunter gathering in the woods lol", new string[0])]
    [InlineData("So proud of Kayden, star of the week!!", new[] { "Kayden Moss" })]
    [InlineData("Marcus has a wobbly tooth today", new[] { "Marcus Reid" })]
    [InlineData("Hunter Collins from the football club is running the camp", new string[0])]
    [InlineData("Can't wait for the trip in Summer, the kids are so excited", new string[0])]
    public void Naming_children_hard_negatives(string text, string[] own) => Clear(Categories.NamingChildren, text, own);

    [Theory]
    [InlineData("Mr Okafor grabbed my son by the collar yesterday")]
    [InlineData("the head is covering up what happened on the trip")]
    [InlineData("Cranston is fiddling the budget for his mates")]
    [InlineData("heard the TA was drunk at the school fair")]
    [InlineData("Mr O hit a child in the playground, I saw it")]
    [InlineData("Oakfield's SATs results were faked, my mate works there")]
    [InlineData("the family support worker has been lying to social services about us")]
    [InlineData("The chair of governors is in the pocket of the head, it's a stitch up")]
    public void Allegation_about_staff(string text) => Flags(Categories.AllegationAboutStaff, text);

    [Theory]
    [InlineData("Thank you Mr Okafor for a brilliant year!")]
    [InlineData("The teacher at my cousin's school in Leeds got arrested for fraud")]
    [InlineData("Everyone report Dawn Moss's account, let's get her kicked off Facebook")]
    [InlineData("Mr Okafor did a great assembly about staying safe from grooming online")]
    [InlineData("My husband was drunk at the wedding lol, never again")]
    public void Allegation_hard_negatives(string text) => Clear(Categories.AllegationAboutStaff, text);

    [Fact]
    public void Defamation_needs_a_statement_of_fact_not_a_question()
    {
        Flags(Categories.DefamatoryStatement, "Mrs Hetherington lied to the governors about the budget, everyone knows it");
        Clear(Categories.DefamatoryStatement, "Has anyone heard whether Mrs Hetherington lied to the governors? could be nothing");
        Flags(Categories.DefamatoryStatement, "Mr Okafor can't even spell, how is he teaching our kids");
    }

    [Theory]
    [InlineData("Absolutely sick of Oakfield ignoring my emails. Shambles.")]
    [InlineData("The school still hasn't replied, no reply for 3 weeks, disgraceful")]
    [InlineData("Honestly Oakfield is the worst school in Wexley, avoid")]
    [InlineData("The new head has no idea what she's doing, total car crash")]
    public void Complaint(string text) => Flags(Categories.ComplaintAboutSchool, text);

    [Theory]
    [InlineData("How do I raise a concern about the dinners at Oakfield? Who do I speak to?")]
    [InlineData("Not sure I agree with the new homework policy at Oakfield but I can see why they did it")]
    [InlineData("Other school in town is a shambles, so glad we're not there")]
    [InlineData("The head explained the budget cuts really clearly at the meeting")]
    public void Complaint_hard_negatives(string text) => Clear(Categories.ComplaintAboutSchool, text);

    [Theory]
    [InlineData("Mrs Hetherington is a clueless cow")]
    [InlineData("that Okafor is a useless idiot")]
    [InlineData("the mums in Y4 are vile, absolute scum")]
    [InlineData("Who does Aaliyah Khan think she is? Stuck up little madam")]
    [InlineData("pupils at oakfield are feral, no discipline at all")]
    public void Negative_or_offensive(string text) => Flags(Categories.NegativeOrOffensiveComment, text);

    [Theory]
    [InlineData("Snow day, I'm fucking freezing 😂")]
    [InlineData("Mrs Hetherington was so kind at the gate today")]
    [InlineData("The Y4 teacher is amazing, my son loves him")]
    [InlineData("this homework app is useless, they never fix it")]
    public void Negative_hard_negatives(string text) => Clear(Categories.NegativeOrOffensiveComment, text);

    [Theory]
    [InlineData("Nobody talk to Dawn Moss at the gate tomorrow, pass it on")]
    [InlineData("Day 5 of asking Mr Okafor to resign. I'll keep going every single day")]
    [InlineData("here's Mrs Hetherington's number, ring her and tell her what you think")]
    [InlineData("his number is 07700 900 987 if u want to tell him what u think of his parking")]
    [InlineData("dont let ur kids play with the moss boy, that family are dodgy")]
    public void Cyberbullying(string text) => Flags(Categories.Cyberbullying, text);

    [Theory]
    [InlineData("Go back to your own country, nobody wants your lot here")]
    [InlineData("Too many foreign teachers at Oakfield now, can't understand any of them")]
    [InlineData("Typical Polish family, always taking and never paying")]
    [InlineData("Too many p*kis at the school now")]
    [InlineData("Mr Okafor can barely speak English")]
    public void Racist(string text) => Flags(Categories.RacistComment, text);

    [Theory]
    [InlineData("Polish club meets on Thursdays, all welcome")]
    [InlineData("Black History Month assembly was fab")]
    [InlineData("I'll go back to the office after lunch")]
    public void Racist_hard_negatives(string text) => Clear(Categories.RacistComment, text);

    [Theory]
    [InlineData("If Mr Okafor touches my son again I'll smash his face in, I'll punch him")]
    [InlineData("I know where she lives. Watch your back")]
    [InlineData("someone should give that teacher a good slap")]
    [InlineData("sumone needs 2 slap that okafor")]
    [InlineData("I'll be waiting at the gates for that teacher tomorrow with my brother")]
    [InlineData("Oakfield staff when I turn up tomorrow 🔪")]
    [InlineData("the head should be strung up")]
    [InlineData("Someone should burn that school down")]
    public void Threats(string text) => Flags(Categories.ThreatOfViolence, text);

    [Theory]
    [InlineData("I'm going to kill my kids if they ask for another snack 😂")]
    [InlineData("The Y5 topic is the Romans, battles and murder galore")]
    [InlineData("We'll smash it at sports day!")]
    public void Threat_hard_negatives(string text) => Clear(Categories.ThreatOfViolence, text);

    [Theory]
    [InlineData("Mrs Hetherington can go f**k herself")]
    [InlineData("the new TA can bend me over anytime 🍆💦")]
    public void Obscene(string text) => Flags(Categories.ObsceneContent, text);

    [Theory]
    [InlineData("fucking hell the traffic this morning")]
    [InlineData("someone posted a p*rn link in the chat, admins please delete")]
    public void Obscene_hard_negatives(string text) => Clear(Categories.ObsceneContent, text);

    [Theory]
    [InlineData("Mr Okafor's mobile is 07700 900123 if you want to give him grief")]
    [InlineData("Her email is jo.h1975@example.com")]
    [InlineData("Dawn Moss lives at 12 Beech Avenue, WX3 9PL")]
    [InlineData("Her car is the blue Fiesta, always parked outside the Co-op at 8")]
    [InlineData("Mr Cranston's birthday is 3rd June 1968")]
    [InlineData("Mr Okafor works weekends at the Tesco on the ring road")]
    public void Personal_information(string text) => Flags(Categories.PersonalInformation, text);

    [Theory]
    [InlineData("Text me on 07700 900555 if you want a lift")]
    [InlineData("The school office is on 01632 960111")]
    [InlineData("The council number for bin collections is 01632 960000")]
    [InlineData("My sister works at the council")]
    public void Personal_information_hard_negatives(string text) => Clear(Categories.PersonalInformation, text);

    [Theory]
    [InlineData("Marcus Reid has ADHD and they do nothing about it")]
    [InlineData("Miss Bright has been signed off with stress")]
    [InlineData("Kayden Moss got excluded again")]
    public void Confidential(string text) => Flags(Categories.ConfidentialInformation, text);

    [Theory]
    [InlineData("Marcus has been diagnosed with dyslexia, so proud of how he's coped", new[] { "Marcus Reid" })]
    [InlineData("How do I ask for an EHCP assessment?", new string[0])]
    public void Confidential_hard_negatives(string text, string[] own) => Clear(Categories.ConfidentialInformation, text, own);

    [Theory]
    [InlineData("Sign the petition to get rid of Mrs Hetherington, link in my bio")]
    [InlineData("I've set up a group for Oakfield parents who've had enough, join and share")]
    [InlineData("Everyone write to Ofsted about Oakfield, the more complaints the better, template in comments")]
    public void Petition(string text) => Flags(Categories.PetitionOrForumAgainstSchool, text);

    [Theory]
    [InlineData("Please sign the petition to the council for a crossing outside Oakfield")]
    [InlineData("Join the PTA chat if you can help at the fair")]
    [InlineData("The PTA Facebook page is looking for volunteers for the summer fair, please share")]
    public void Petition_hard_negatives(string text) => Clear(Categories.PetitionOrForumAgainstSchool, text);

    [Theory]
    [InlineData("my daughter says she wants to kill herself, I don't know what to do")]
    [InlineData("Kayden told my son his step dad hits him at home")]
    [InlineData("she's been left home alone all weekend again")]
    public void Safeguarding_is_flagged_and_routed(string text)
    {
        var r = TestSchool.Screen(text);
        Assert.True(r.Safeguarding, text);
        Assert.Contains(Categories.SafeguardingConcern, r.Categories);
        Assert.Contains("Safeguarding Lead", r.Findings.First(f => f.CategoryId == Categories.SafeguardingConcern).Reason);
    }

    [Theory]
    [InlineData("I nearly killed myself laughing at the nativity 😂")]
    [InlineData("The online safety talk about self-harm apps was really useful")]
    [InlineData("Mr Okafor did a great assembly about staying safe from grooming online")]
    public void Safeguarding_hard_negatives(string text) => Assert.False(TestSchool.Screen(text).Safeguarding, text);

    [Fact]
    public void Safeguarding_is_flagged_even_when_the_pack_leaves_it_out()
    {
        var engine = ScreeningEngine.Build(TestSchool.School, TestSchool.Roster, [Categories.NamingChildren]);
        Assert.True(engine.Screen(Post.OfText("my son keeps saying he wants to die")).Safeguarding);
        Assert.Contains(Categories.SafeguardingConcern, engine.CategoryIds);
    }

    [Fact]
    public void Categories_outside_the_pack_are_not_reported()
    {
        var engine = ScreeningEngine.Build(TestSchool.School, TestSchool.Roster, [Categories.ThreatOfViolence]);
        var r = engine.Screen(Post.OfText("Marcus Reid is a thug and I'll punch him"));
        Assert.Equal([Categories.ThreatOfViolence], r.Categories);
        Assert.True(r.Police);
    }

    [Fact]
    public void Staff_by_title_and_initial_role_and_misspelling()
    {
        Flags(Categories.NegativeOrOffensiveComment, "Mrs H is an absolute cow");
        Flags(Categories.NegativeOrOffensiveComment, "mrs hetherinton is a useless cow");
        Flags(Categories.NegativeOrOffensiveComment, "the yr 4 teacher is useless, a total idiot");
        Flags(Categories.NegativeOrOffensiveComment, "Mrs Moss is a stuck up cow");
        Flags(Categories.AllegationAboutStaff, "Rev Peter has been fiddling the accounts");
    }

    [Fact]
    public void Metadata_rules()
    {
        var photo = TestSchool.Engine.Screen(new Post
        {
            Text = "sports day!!",
            AuthorIsParentOf = ["Grace Wood"],
            Attachments = [new PostAttachment("photo", [new TaggedPerson("pupil", "Grace Wood", true), new TaggedPerson("pupil", "Marcus Reid", false)])],
        });
        Assert.Contains(Categories.PhotoOfOthers, photo.Categories);
        Assert.DoesNotContain(Categories.NamingChildren, photo.Categories);

        var own = TestSchool.Engine.Screen(new Post
        {
            Text = "my little star",
            AuthorIsParentOf = ["Grace Wood"],
            Attachments = [new PostAttachment("photo", [new TaggedPerson("pupil", "Grace Wood", true)])],
        });
        Assert.Empty(own.Categories);

        var reply = TestSchool.Engine.Screen(new Post { Text = "haha love it", AuthorIsParentOf = ["Grace Wood"], ReplyTo = new PostReplyTo("pupil", "Hunter Lowry") });
        Assert.Contains(Categories.EngagingWithOtherChildren, reply.Categories);
        var ownReply = TestSchool.Engine.Screen(new Post { Text = "tea's ready", AuthorIsParentOf = ["Grace Wood"], ReplyTo = new PostReplyTo("pupil", "Grace Wood") });
        Assert.Empty(ownReply.Categories);
    }
}
