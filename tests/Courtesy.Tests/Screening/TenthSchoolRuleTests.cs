using Courtesy.Policies;

namespace Courtesy.Tests.Screening;

/// <summary>The classes of safeguarding and threat misses found on HeldOut7 and HeldOut9-11, and the names read as
/// words, titles or celebrities, each checked with wording written for these tests on an invented coastal
/// secondary whose pupils share names with a moon, a film, a singer and a river. Every class has posts that must
/// be caught and ordinary posts that share its words. No sentence here is taken from a labelled post.</summary>
public class TenthSchoolRuleTests
{
    private static readonly InventedSchool Harbour = new("Porthallow Community School", ["Porthallow", "PCS"], "Porthallow", """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Hunter,Shaw,,,Year 8
        pupil,,Marley,Brooks,,,Year 7
        pupil,,Taylor,Quinn,,,Year 9
        pupil,,River,Ashby,,,Year 10
        pupil,,Frankie,Dunn,,,Year 8
        pupil,,Mason,Lowe,,,Year 9
        staff,Mr,Gareth,Deacon,,Head Teacher,
        staff,Mrs,Ada,Okoro,,Designated Safeguarding Lead,
        staff,Mr,Tom,Pascoe,,Head of Year 9,
        """, "tenth-roster.csv");

    private static bool Safeguarding(string text, params string[] own) => Harbour.Screen(text, own).Safeguarding;
    private static bool Has(string category, string text) => Harbour.Screen(text).Categories.Contains(category);

    // ---- 1. A young child out alone late, or sleeping outdoors ----

    [Theory]
    [InlineData("a little girl from the juniors was wandering round the car park at midnight in her pyjamas, nobody with her")]
    [InlineData("There was a boy, maybe year 5, out on the streets at 1am on his scooter, no adult in sight")]
    [InlineData("That kid from the flats is sleeping in the bus shelter again tonight, I've seen him there three times this week")]
    [InlineData("Found a young lad walking alone along the seafront at 11 pm, no shoes, really upset. Who do we tell?")]
    [InlineData("saw two little ones in school jumpers playing by the canal at 10pm with nobody around")]
    [InlineData("My daughter's friend (year 6) rang our doorbell at 11pm last night, she said nobody was home and she was scared")]
    [InlineData("there's a little girl on our street who is out on her own at 10pm most nights")]
    public void A_child_out_alone_at_night_is_at_risk(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("Our lad walked home on his own for the first time tonight, so proud of him")]
    [InlineData("The year 11s were out on the streets till midnight celebrating their results, brilliant night")]
    [InlineData("my little girl won't settle at night unless she's in our bed, any tips?")]
    [InlineData("A fox was wandering round the school field at midnight, caught it on the doorbell camera")]
    [InlineData("Film night on Friday: the kids can come in pyjamas, pick up at 9pm")]
    [InlineData("Lost a kid's scooter by the bus shelter last night, blue with a bell")]
    [InlineData("Our little boy is finally sleeping on his own at night, 3 years of waiting!")]
    [InlineData("My son's friend is coming for tea tonight, nobody home till 6 so they'll walk back together")]
    [InlineData("Kids went trick or treating last night knocking on doors till 8, got loads of sweets")]
    [InlineData("Our lad was sleeping outside in the tent all weekend at scout camp")]
    [InlineData("Looking for a babysitter for a little boy age 4, evenings till 11pm, no adults in the house after 8 are fine? dm me")]
    [InlineData("Year 6 disco tonight, the little ones out until 9pm, no parents allowed in the hall!")]
    public void A_child_out_late_with_family_or_a_thing_is_no_concern(string text) => Assert.False(Safeguarding(text), text);

    // ---- 2. Signs of neglect told of someone else's child (hunger, the same clothes, food taken home) ----

    [Theory]
    [InlineData("the boy who sits next to my son is always hungry and has worn the same clothes all week, he's taking bits of lunch home in his bag")]
    [InlineData("There's a girl in year 3 who comes in filthy most days and is starving by break, the dinner ladies give her extra")]
    [InlineData("a lad in my daughter's class has holes in his shoes and no coat in this weather, and he says there's no tea at home")]
    [InlineData("my son's friend is always starving when he comes round and he's in the same clothes every time, I worry about what's going on at home")]
    [InlineData("Kid in reception came in with no socks again and his nappy hadn't been changed, nursery staff worried")]
    public void Neglect_told_in_signs_is_a_concern(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("My two are always hungry after school, starving the minute they walk in 😂")]
    [InlineData("Year 6 came back from the residential starving and in the same clothes they left in 😂 best trip ever")]
    [InlineData("I'm starving and the lad has no coat again, left it on the bus, third one this term")]
    [InlineData("Non uniform day Friday, the kids can wear the same clothes as their favourite book character")]
    [InlineData("Anyone else's kid always hungry? mine eats a whole loaf after school and still says he's starving")]
    [InlineData("School dinners are tiny, my son comes out hungry every day and the portions are a joke")]
    [InlineData("the kids in year 3 are always hungry by 11 and starving by lunch, can school not do a snack?")]
    public void Hunger_and_old_clothes_at_home_or_in_fun_are_no_concern(string text) => Assert.False(Safeguarding(text), text);

    // ---- 3. Suicidal intent told second hand, or as jumping from a height ----

    [Theory]
    [InlineData("my best mate keeps saying she's going to jump off the cliffs at the weekend, what do I do")]
    [InlineData("he told me he wants to jump off the multi storey by the station and I can't stop thinking about it")]
    [InlineData("a girl in my form said she'd throw herself off the pier if her dad finds out")]
    [InlineData("my friend keeps talking about throwing himself in front of a bus")]
    [InlineData("my mate said she was going to walk into the sea and not come back")]
    [InlineData("he keeps saying he'll drive his car off the cliff one of these nights")]
    public void Jumping_from_a_height_as_an_intention_is_self_harm(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("the lads jump off the harbour wall every summer, it's tradition down here")]
    [InlineData("Mason is going to jump off the top board at swimming for the first time tomorrow!")]
    [InlineData("my son wants to jump off the pier for the charity dip on Boxing Day, sponsor him please")]
    [InlineData("the cat keeps jumping off the roof of the shed onto the neighbours' car")]
    [InlineData("We're going to walk into the sea for the Boxing Day dip, sponsor us!")]
    [InlineData("I'm going to drown myself in wine after that parents' evening")]
    [InlineData("I'll drive off at 3 so we miss the traffic")]
    [InlineData("she's going to walk into the sea for the first time on holiday, so excited")]
    public void Jumps_for_fun_or_sport_are_no_concern(string text) => Assert.False(Safeguarding(text), text);

    // ---- 4. An adult's approach to a child: age and looks, then a private channel or secrecy ----

    [Theory]
    [InlineData("hey what year are you in? you seem really mature for your age. add me on snap x")]
    [InlineData("how old r u? u look older than 13 in ur photos, dont tell ur mum we talk")]
    [InlineData("you're so grown up for your age, inbox me and keep it between us")]
    [InlineData("a man keeps messaging my 12 year old on roblox asking what she looks like and telling her not to tell us")]
    [InlineData("u seem rly mature for 13, wanna chat on snap instead?")]
    public void An_approach_to_a_child_is_grooming(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("how old are your kids? dm me, I've got a bag of school uniform to give away")]
    [InlineData("Anyone know what age you can start at the youth club? dm me please")]
    [InlineData("you look older than me in that photo 😂 add me back on insta")]
    [InlineData("how old is your daughter? mine's 7, they could play together, dm me")]
    [InlineData("PSA: don't let your kids chat on snap with people they don't know")]
    [InlineData("the teacher told her not to tell anyone about the surprise party for Mr Deacon")]
    [InlineData("Year 11 prom photos: the boys look so grown up for their age, proud mum moment, dm me for the full album")]
    [InlineData("how old are you supposed to be to walk home alone? dm me your thoughts, my eldest is 10")]
    [InlineData("my daughter says the new PE teacher told her she's beautiful in the dance show, so sweet of him")]
    public void Ordinary_questions_and_friends_are_no_grooming(string text) => Assert.False(Safeguarding(text), text);

    // ---- 5. A child's intimate images threatened or spread ----

    [Theory]
    [InlineData("pay me £30 tonight or your nudes go to your whole year")]
    [InlineData("someone is leaking her nudes in the year 9 group chat")]
    [InlineData("he said he'll post ur nudes everywhere if you block him")]
    [InlineData("he screenshotted her nudes and sent them to the whole year")]
    [InlineData("im being blackmailed, he says he'll send my pics to my dad unless i pay")]
    public void Intimate_images_threatened_or_spread_are_exploitation(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("Good assembly today: never send nudes, and if someone asks, tell an adult")]
    [InlineData("don't share your nudes with anyone, the police talk at school was brilliant")]
    [InlineData("your pics from the beach trip are on the school website now")]
    [InlineData("Your photos from sports day have been sent to the office, pass them round")]
    public void Advice_and_ordinary_pictures_are_no_concern(string text) => Assert.False(Safeguarding(text), text);

    // ---- 6. Hyperbole that shares the words (must stay unflagged) ----

    [Theory]
    [InlineData("Every time Mr Deacon does the dance at assembly I want to die 😭")]
    [InlineData("whenever her mum starts on about the PTA accounts I want to die")]
    [InlineData("I want to die of embarrassment, I called the head 'mum' at parents' evening")]
    [InlineData("this revision timetable is killing me")]
    [InlineData("In the film the boy runs away from home and lives in the woods for a year")]
    public void Hyperbole_and_stories_are_no_concern(string text) => Assert.False(Safeguarding(text), text);

    [Theory]
    [InlineData("every time I look in the mirror I want to die")]
    [InlineData("I want to die, nobody at home even talks to me anymore")]
    public void Despair_about_oneself_stays_a_concern(string text) => Assert.True(Safeguarding(text), text);

    // ---- 7. Threats to burn, bury or harm, veiled with an emoji or an "or else" ----

    [Theory]
    [InlineData("someone should burn his garage down while he's asleep 🔥")]
    [InlineData("I'll set his car alight if he comes near my kids again")]
    [InlineData("if he touches my daughter again I'll put him in the ground")]
    [InlineData("Mason's going six feet under if he carries on 🔪")]
    [InlineData("touch my son again and see what happens")]
    [InlineData("keep giving my lad detentions and see what happens 👊")]
    public void Burning_burying_and_or_else_are_threats(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("we're going to burn the guy on the bonfire at 7, bring sparklers")]
    [InlineData("I'll burn the toast again if nobody watches the grill 😂")]
    [InlineData("they put the time capsule in the ground at the front of the school")]
    [InlineData("add a spoonful of bicarb to the vinegar and see what happens, great science homework")]
    [InlineData("try turning the router off and on again and see what happens")]
    [InlineData("we're going to smash it at the quiz night, see you there")]
    [InlineData("We're going to set the table on fire with our bake sale this year 🔥")]
    [InlineData("Tell him again and see what happens, he never listens to me either 🙄")]
    public void Bonfires_recipes_and_experiments_are_no_threats(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    // ---- 8. First names read as words, titles and celebrities ----

    [Theory]
    [InlineData("Hunter's moon over the harbour tonight, absolutely stunning")]
    [InlineData("Marley & Me is on telly tonight if anyone needs a cry")]
    [InlineData("Taylor Swift tickets going spare for Cardiff, message me")]
    [InlineData("River's right up over the slipway again, be careful walking dogs")]
    [InlineData("Frankie Goes to Hollywood on the radio at the school disco 😂")]
    public void A_name_as_a_title_a_celebrity_or_a_word_names_nobody(string text) => Assert.False(Has(Categories.NamingChildren, text), text);

    [Theory]
    [InlineData("Hunter's mum was screaming at the dinner ladies again")]
    [InlineData("Marley keeps pushing my son off the climbing frame")]
    [InlineData("Taylor Quinn is spreading lies about my daughter")]
    [InlineData("River's been picking on the year 7s all week")]
    [InlineData("Frankie and Mason were fighting outside the chippy")]
    [InlineData("well done Marley The whole class were cheering for you")]
    [InlineData("Frankie Hunter and Mason were all kept behind")]
    [InlineData("Marley FANTASTIC goal at the weekend")]
    [InlineData("thanks Marley Brilliant effort on sports day")]
    // Title case throughout: the capitals say nothing, so the names stay names.
    [InlineData("Taylor Is A Bully And Everyone Knows It")]
    [InlineData("Frankie Pushed My Son Over At Break")]
    [InlineData("Hunter's Mum Was Shouting Again")]
    public void The_pupils_are_still_named(string text) => Assert.True(Has(Categories.NamingChildren, text), text);

    // ---- 9. Suicidal intent said indirectly: a goodbye, no future, sleeping forever ----

    [Theory]
    [InlineData("i just want to go to sleep forever and not deal with any of it")]
    [InlineData("she messaged me saying she won't be a burden to anyone for much longer")]
    [InlineData("I don't see a future for myself anymore, what's the point")]
    [InlineData("he keeps googling how many paracetamol it would take")]
    [InlineData("my friend said tonight's the night she ends it and I can't get hold of her")]
    public void Indirect_suicidal_statements_are_a_concern(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("I could sleep forever after that residential, absolutely shattered")]
    [InlineData("The future for the school field looks bleak if the council sells it")]
    [InlineData("how many paracetamol can a 10 year old have in a day? the box says 4")]
    [InlineData("tonight's the night we find out who wins the school talent show!")]
    public void Tiredness_dosing_and_big_nights_are_no_concern(string text) => Assert.False(Safeguarding(text), text);

    // ---- 10. Self-injury other than cutting ----

    [Theory]
    [InlineData("my son says a girl in his form keeps banging her head against the wall until it bleeds")]
    [InlineData("he's been punching himself in the face when he gets upset")]
    [InlineData("I keep burning myself with a lighter so nobody notices")]
    [InlineData("she scratches herself till she bleeds when she's anxious")]
    public void Self_injury_by_other_means_is_a_concern(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("still kicking myself for missing the parents' evening slot")]
    [InlineData("burnt myself on the oven making the bake sale brownies")]
    [InlineData("banging my head against a brick wall trying to get the council to fix the crossing")]
    [InlineData("he scratched himself on the brambles at forest school, nothing serious")]
    [InlineData("the baby keeps scratching herself in her sleep, any tips for mittens?")]
    [InlineData("toddler keeps hitting himself in the head when he's tired, is that normal?")]
    public void Idioms_and_accidents_are_no_concern(string text) => Assert.False(Safeguarding(text), text);

    // ---- 11. Violence at home told by a child, running away, not eating ----

    [Theory]
    [InlineData("i think my stepdad is going to kill my mum one night, it's getting worse")]
    [InlineData("i'm going to run away tonight, nobody at home will even notice")]
    [InlineData("i don't eat anymore, i just drink water so i stay thin")]
    [InlineData("she makes herself throw up after lunch every day")]
    public void Violence_at_home_running_away_and_not_eating_are_a_concern(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("my wife is going to kill me when she sees what I spent at the fair 😂")]
    [InlineData("my mum's going to kill my dad when she finds out he forgot the costume")]
    [InlineData("I want to run away and join the circus after this week of homework")]
    [InlineData("the dog doesn't eat anymore since the vet changed his food")]
    [InlineData("I'm going to run away to the seaside for half term, bring on the sun")]
    [InlineData("I'll end it tonight with a glass of wine and a bath")]
    [InlineData("my mum is going to kill my brother when she sees his report")]
    public void Jokes_about_home_and_pets_are_no_concern(string text) => Assert.False(Safeguarding(text), text);

    // ---- 12. Damage threatened or urged (tyres, cars, windows, doors), and "someone's getting hurt" after "I'll" ----

    [Theory]
    [InlineData("Slash his tyres and let's see him get to work on time then 🔪")]
    [InlineData("the next teacher who gives my son a detention gets their car keyed")]
    [InlineData("if that family don't move their van I'll smash their windows in")]
    [InlineData("we'll all go round and kick his door in")]
    [InlineData("If Mr Pascoe grabs my lad again I'll be up at that school and somebody's getting hurt")]
    [InlineData("Mason's getting his teeth knocked out when I see him")]
    [InlineData("I know what time Gazza leaves the staff car park 👀")]
    public void Damage_and_harm_promised_are_threats(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("someone slashed the tyres on the minibus last night, police have been told")]
    [InlineData("had my car keyed in the school car park, anyone see anything?")]
    [InlineData("the fire brigade had to kick the doors in to get to the fire")]
    [InlineData("I'll say it again: the crossing needs a lollipop lady before somebody's getting hurt")]
    [InlineData("If they don't grit the hill someone's going to get hurt")]
    [InlineData("he got his teeth knocked out playing rugby on Saturday, brave lad")]
    [InlineData("I know what time Tesco shuts on a Sunday")]
    [InlineData("you know where I live if you want to drop the costume round")]
    [InlineData("Do you know what time I'M supposed to collect him?")]
    public void Reports_warnings_and_accidents_are_no_threats(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    // ---- 13. A named person put in hospital, jumped, or called to a fight ----

    [Theory]
    [InlineData("I swear I'm gonna put Mason Lowe in hospital if he touches my sister")]
    [InlineData("we're going to put him in a wheelchair")]
    [InlineData("the year 9s are gonna jump Frankie Dunn after school")]
    [InlineData("link up behind the chippy Hunter and see what happens")]
    public void A_person_put_in_hospital_or_jumped_is_threatened(string text) => Assert.True(Has(Categories.ThreatOfViolence, text), text);

    [Theory]
    [InlineData("the crash put him in hospital for a week, get well soon")]
    [InlineData("I'm going to put Marley in the bath and then bed")]
    [InlineData("social services are going to put him in care, the poor lad")]
    [InlineData("we're going to put Taylor Quinn in the cast for the summer show")]
    [InlineData("we're going to jump on the bus at 8 with Frankie Dunn's mum")]
    [InlineData("Hunter's going to jump in the pool for the sponsored swim")]
    [InlineData("We're going to jump Mason's birthday queue at the bakery lol")]
    [InlineData("pop the tray behind the counter and see what happens to the dough")]
    public void Baths_buses_and_baking_are_no_threats(string text) => Assert.False(Has(Categories.ThreatOfViolence, text), text);

    // ---- 14. Told second hand: an adult seeking private contact, exploitation, forced marriage, unsafe at home ----

    [Theory]
    [InlineData("a lad in my son's class told him his dad puts cigarettes out on his arm")]
    [InlineData("my daughter says her friend's step dad sends her messages at night telling her she's beautiful")]
    [InlineData("one of the dinner ladies keeps asking the year 6 girls to add her on tiktok")]
    [InlineData("there's a bloke in a white van who's been offering the kids lifts home from the park")]
    [InlineData("a man at the bus stop asked my daughter for her number and said he'd buy her a phone")]
    [InlineData("my son's mate says his older cousin makes him sell weed and keeps his money")]
    [InlineData("my friend told me she's being forced to marry her cousin in the summer holidays")]
    [InlineData("She told me she doesn't feel safe at home since he moved in")]
    [InlineData("my friend said she took a whole box of her mum's pills last night and she's acting weird")]
    public void Concerns_told_second_hand_are_flagged(string text) => Assert.True(Safeguarding(text), text);

    [Theory]
    [InlineData("a dad from year 3 is offering lifts to the football tournament, message him")]
    [InlineData("the PE teacher asked the kids to follow him on the school insta for fixtures")]
    [InlineData("Mrs Okoro asked for her number so they can sort the playdate")]
    [InlineData("My mum sends her messages every morning before her exams")]
    [InlineData("the coach asked my son for his number for the team whatsapp")]
    [InlineData("thank you Mrs Okoro for her insta post about the Year 6 girls' netball win")]
    public void Lifts_clubs_and_family_messages_are_no_concern(string text) => Assert.False(Safeguarding(text), text);
}
