namespace Courtesy.Tests.Screening;

/// <summary>The classes of threat, safeguarding and insult misses found on HeldOut18-22 (South Wales valleys,
/// Bradford, Belfast, the Black Country, pupils' algospeak), each checked with wording written for these tests on an
/// invented 11-16 school. Every class has posts that must be caught and ordinary posts that share its words. No
/// sentence here is taken from a labelled post.</summary>
public class ThirteenthSchoolRuleTests
{
    private static readonly InventedSchool Ridgeway = new("Pen-y-Bryn High School", ["Pen-y-Bryn", "PYB"], "Merthyr", """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Cai,Prosser,,,Year 8
        pupil,,Lowri,Bevan,,,Year 9
        pupil,,Tayla,Rees,,,Year 10
        pupil,,Ashton,Dacey,,,Year 7
        pupil,,Nia,Howells,,,Year 11
        staff,Mr,Gethin,Morse,,Head Teacher,
        staff,Mrs,Sian,Tudor,,Head of Year 9,
        staff,Mr,Dai,Powell,,PE Teacher,
        """, "thirteenth-roster.csv");

    private static bool Has(string category, string text, params string[] own) => Ridgeway.Screen(text, own).Categories.Contains(category);

    // ---- 1. Match and exam hyperbole: beating a side, blaming the ref, burning down the exams ----

    [Theory]
    [InlineData("we're going to murder Treorchy on saturday, bury them in the mud 🏉")]
    [InlineData("that ref needs shooting, four knock-ons he never saw 😂")]
    [InlineData("if I get one more practice paper I swear I'm going to set fire to the science block, mocks are killing me")]
    public void Match_and_exam_hyperbole_is_no_threat(string text) => Assert.False(Has("threat-of-violence", text), text);

    [Theory]
    [InlineData("I'm going to murder Mr Powell after the match on saturday, he knows what he did")]
    [InlineData("someone should set fire to Mr Morse's car while he's at the rugby")]
    public void A_person_in_a_match_post_can_still_be_threatened(string text) => Assert.True(Has("threat-of-violence", text), text);

    // ---- 2. A person's whereabouts handed over with a nod ("just saying 👀", "do what you want with that") ----

    [Theory]
    [InlineData("Mr Powell drives a red corsa, parks on Bryn Street every morning about 8. just saying 😈")]
    [InlineData("Cai Prosser gets the 27 from outside the chippy at 3.30 every day, do what you want with that")]
    [InlineData("Mrs Tudor's house is 12 Heol Fach, CF47 8AB. you know what to do 👀")]
    public void Whereabouts_handed_over_with_a_nod_are_a_threat(string text) => Assert.True(Has("threat-of-violence", text), text);

    [Theory]
    [InlineData("the 27 from outside the chippy is running late every day this week, just saying for anyone waiting")]
    [InlineData("parents can park on Bryn Street for the concert, do what you want with the leftover raffle tickets")]
    public void Bus_times_and_parking_notes_are_no_threat(string text) => Assert.False(Has("threat-of-violence", text), text);

    // ---- 3. Veiled threats in the idioms of the estates and the bonfire ----

    [Theory]
    [InlineData("whoever grassed on our Tyler to Pen-y-Bryn will be dealt with. the boys know who you are")]
    [InlineData("lovely house Mr Morse has got. shame if anything was to happen to it 🙂")]
    [InlineData("Lowri Bevan wants to remember that snitches get stitches")]
    [InlineData("you'd be wise to keep your mouth shut Mrs Tudor, you've been warned")]
    public void Veiled_threat_idioms_are_threats(string text) => Assert.True(Has("threat-of-violence", text), text);

    [Theory]
    [InlineData("any lost property left after Friday will be dealt with by the office")]
    [InlineData("shame if the fete gets rained off again, the kids were so excited")]
    [InlineData("you'd be wise to bring a coat on the Brecon trip, it's freezing up there")]
    public void Ordinary_uses_of_the_idioms_are_no_threat(string text) => Assert.False(Has("threat-of-violence", text), text);

    // ---- 4. Algospeak: "kys" told to a person is bullying and offensive ----

    [Theory]
    [InlineData("ashton being an attention seeker again, just kys and stop posting")]
    [InlineData("Tayla Rees kys nobody wants you in the group")]
    public void Kys_told_to_a_person_is_bullying_and_offensive(string text)
    {
        Assert.True(Has("cyberbullying", text), text);
        Assert.True(Has("negative-or-offensive-comment", text), text);
    }

    // ---- 5. Neglect in the words of a neighbour: a child out late in a t-shirt, no food in, a parent on drugs ----

    [Theory]
    [InlineData("little boy two doors down is out every night till gone 11 in just a t-shirt. says there's no food in and his dad's 'asleep'")]
    [InlineData("the girl next door lets herself in at 9 at night with no dinner, her mum's fella is on the gear")]
    public void Signs_of_neglect_seen_by_a_neighbour_are_a_concern(string text) => Assert.True(Ridgeway.Screen(text).Safeguarding, text);

    [Theory]
    [InlineData("sat in the garden in just a t-shirt in November, no food in the fridge so chippy tea it is 😂")]
    [InlineData("he lets himself in after football now he's in year 10, no dinner till his dad's home at 6")]
    public void Ordinary_days_at_home_are_no_concern(string text) => Assert.False(Ridgeway.Screen(text).Safeguarding, text);

    // ---- 6. A goodbye with a note left or no coming back ----

    [Theory]
    [InlineData("no one would notice if i wasnt in registration tomorrow. left a note in my drawer for mum")]
    [InlineData("sorry to everyone i let down. im going up the mountain tonight and im not coming back")]
    public void A_goodbye_with_despair_is_a_concern(string text) => Assert.True(Ridgeway.Screen(text).Safeguarding, text);

    [Theory]
    [InlineData("left a note in the office for Mrs Tudor about the trip money")]
    [InlineData("the ice cream van is not coming back this summer, sorry to everyone who asked")]
    public void Notes_and_vans_are_no_concern(string text) => Assert.False(Ridgeway.Screen(text).Safeguarding, text);

    // ---- 7. A stranger asking children for their social media ----

    [Theory]
    [InlineData("there's a fella in a white van parked by the park every afternoon asking the year 7s for their snapchats")]
    public void A_stranger_asking_children_for_their_accounts_is_a_concern(string text) => Assert.True(Ridgeway.Screen(text).Safeguarding, text);

    [Theory]
    [InlineData("the school's asking the year 7s for their snapchats so they can block the fake account")]
    public void The_school_asking_about_accounts_is_no_concern(string text) => Assert.False(Ridgeway.Screen(text).Safeguarding, text);

    // ---- 8. "go back" to a homeland or "where they belong", wherever it stands in the sentence ----

    [Theory]
    [InlineData("Tayla thinks she runs the netball team 💀 go back to Poland and run it there")]
    [InlineData("if the Welsh lessons bother you that much, go back where you belong")]
    [InlineData("nobody asked you Mrs Tudor, goo back to England and tek yer rules with yer")]
    [InlineData("the families from the hostel should all be sent home, send the lot back to Romania")]
    public void Go_back_to_a_homeland_is_racist(string text) => Assert.True(Has("racist-comment", text), text);

    [Theory]
    [InlineData("left my coat in the hall 💀 go back to school after tea to get it")]
    [InlineData("put the hymn books back where they belong after assembly please")]
    [InlineData("we loved the trip 🙂 go back to Poland next summer for sure")]
    public void Going_back_somewhere_is_no_racism(string text) => Assert.False(Has("racist-comment", text), text);

    // ---- 9. A nationality with an insult straight after it; the monkey emoji at a named pupil ----

    [Theory]
    [InlineData("Mr Morse is just another english bastard who hates the valleys")]
    [InlineData("welsh scum the lot of them at that school")]
    [InlineData("Nia Howells in the team photo 🐒🍌")]
    public void A_nationality_insult_or_a_monkey_at_a_pupil_is_racist(string text) => Assert.True(Has("racist-comment", text), text);

    [Theory]
    [InlineData("English homework is a joke this term, the scum who set it should try doing it")]
    [InlineData("took my Cai to the zoo, he loved the 🐒🍌")]
    [InlineData("the year 10 boys put Nia Howells on the story with a 🐒 filter, this school is so racist and does nothing")]
    [InlineData("the welsh rugby was rubbish on saturday")]
    public void Lessons_rugby_and_zoo_trips_are_no_racism(string text) => Assert.False(Has("racist-comment", text, "Cai Prosser"), text);

    // ---- 10. Sexual algospeak: "seggs", "noodz", the peach with a leer ----

    [Theory]
    [InlineData("Mr Powell can referee me any day 😏🍑")]
    [InlineData("Tayla said she'd do seggs with the whole rugby team")]
    [InlineData("who wants Mrs Tudor's noodz 🔞 dm me")]
    public void Sexual_algospeak_at_a_person_is_obscene(string text) => Assert.True(Has("obscene-content", text), text);

    [Theory]
    [InlineData("peach and mango smoothies at the summer fair 🍑😋 £2 each")]
    [InlineData("Mrs Tudor brought peaches 🍑 for the class picnic, so kind")]
    public void Fruit_is_not_obscene(string text) => Assert.False(Has("obscene-content", text), text);

    // ---- 11. Harm predicted, not intended; sorting out a mood or one's own child ----

    [Theory]
    [InlineData("lads fighting by the bus bays again with a bat, someone's going to get badly hurt, please talk to your sons")]
    [InlineData("Cai's in cars with older lads every night, someone needs to step in before he ends up stabbed")]
    [InlineData("Mrs Tudor needs a holiday to sort her mood out 🤷")]
    [InlineData("Ashton pushed my daughter off the wall again, his dad needs to sort him out")]
    public void Predicted_harm_and_sorting_out_a_mood_are_no_threat(string text) => Assert.False(Has("threat-of-violence", text), text);

    [Theory]
    [InlineData("somebody should torch Pen-y-Bryn and be done with it")]
    [InlineData("I'm going to sort Mr Powell out after the parents evening")]
    public void Arson_of_the_school_and_sorting_a_teacher_out_are_threats(string text) => Assert.True(Has("threat-of-violence", text), text);

    // ---- 12. Disclosures in a child's words, sextortion, shame on the family ----

    [Theory]
    [InlineData("my friend says her stepdad comes in her room at night and she's not allowed to say")]
    [InlineData("a lad on snap told my sister if she doesn't send more pics he'll share the old ones")]
    [InlineData("her brothers say she's brought shame on the family and now she can't leave the house")]
    public void Disclosures_sextortion_and_family_shame_are_a_concern(string text) => Assert.True(Ridgeway.Screen(text).Safeguarding, text);

    [Theory]
    [InlineData("the cat comes in her room every morning at 6 and wakes her up")]
    [InlineData("send more pics of sports day please, the parents loved them")]
    public void Cats_and_sports_day_pictures_are_no_concern(string text) => Assert.False(Ridgeway.Screen(text).Safeguarding, text);
}
