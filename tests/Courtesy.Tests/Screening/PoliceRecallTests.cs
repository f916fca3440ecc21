using Courtesy.Policies;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>
/// Police-category posts written for this test in the voice of secondary pupils (11-18) and their parents
/// (Snapchat, TikTok comments, Instagram, WhatsApp year-group chats, Facebook), about the invented
/// <see cref="SecondarySchool"/> roster, with harmless look-alikes (banter, sports trash talk, lyrics,
/// "this teacher is killing me", praise). Each post carries the category it must get; a look-alike must get
/// no police flag and none of the five categories. Each batch is run once before any change made for it:
/// that first run is the estimate for wordings the rules had not seen.
/// </summary>
public class PoliceRecallTests
{
    private const string Bully = Categories.Cyberbullying;
    private const string Threat = Categories.ThreatOfViolence;
    private const string Racist = Categories.RacistComment;
    private const string Obscene = Categories.ObsceneContent;
    private const string Negative = Categories.NegativeOrOffensiveComment;

    private static readonly string[] Five = [Bully, Threat, Racist, Obscene, Negative];

    /// <summary>Batch 1 (15 police-category posts, 15 look-alikes). First run, before any change made for it:
    /// 9/15 caught, 2 false flags of 15 ("we're gonna batter Marlbury Town on saturday", "Tyler's goal was
    /// filthy"). Then: "unadd" as a shunning verb, screenshots and "exposing" as humiliation, a person about to
    /// "get battered/jumped/merked" (<c>GettingHurt</c>), a fixture word keeping "batter" off a side, slang praise
    /// of a thing ("goal ... filthy"): 14/15, 0 false flags, tuned figures from then on. Still missed: "link up
    /// behind the shop ... and see what happens".</summary>
    internal static readonly (string Text, string Category)[] Batch1 =
    [
        ("everyone unadd Iris she's a snake fr", Bully),
        ("no one sit with Rowan tomorrow, pass it on", Bully),
        ("screenshotting Tyler's messages and sending them to the whole year 😂😂", Bully),
        ("exposing Poppy Hale tonight, watch my story", Bully),
        ("Tyler Fenwick gonna get battered after school", Threat),
        ("link up behind the shop after school Rowan and see what happens", Threat),
        ("you're getting jumped on monday Jack, bring your mates", Threat),
        ("pull up to the park at 4 and I'll knock you out", Threat),
        ("Mercy should go back to her own country tbh", Racist),
        ("typical p*ki, always smells of curry in form", Racist),
        ("Rowan's a dirty gypo, lives off a site", Racist),
        ("Poppy Hale sends nudes to anyone who asks lol, proper slag", Obscene),
        ("Mr Whitlock wants to shag the sixth formers, you can tell", Obscene),
        ("ratio + L + ur ugly Jack", Negative),
        ("Iris Kennedy is such a fat waste of space 🤡🤡", Negative),
    ];

    internal static readonly string[] Batch1Harmless =
    [
        "you're dead to me 😂 how could you spoil the ending",
        "Mr Whitlock is killing me with this homework",
        "we're gonna batter Marlbury Town on saturday, come watch the under 14s",
        "Iris you absolute legend, smashed the 100m",
        "ratio'd by my own mum on facebook 💀",
        "i'm gonna kill you if you eat my chips again lol",
        "pull up to the library after school we're revising for geography",
        "Rowan's playing the snake in the year 8 play, so good",
        "Tyler's goal tonight was filthy 🔥🔥",
        "proud of Poppy getting into sixth form college",
        "link up at the cinema friday? Jack's coming",
        "this song slaps, 'knock you out' by LL Cool J on repeat",
        "exposing my own terrible handwriting from year 7 😭",
        "Mercy smashed her piano exam, so proud of her",
        "lol we got destroyed in the quiz, rematch next week",
    ];

    /// <summary>Batch 2, written after batch 1's changes. First run, before any change made for it: 8/15 caught,
    /// 0 false flags of 15. Then: death wishes told to someone ("go die in", "drop dead", "hope you die"), a new
    /// chat without someone, "a snake", "spread it", deportation and boat tropes, sexualised body words, the clown
    /// emoji read as laughter, "to the whole year" as spreading: 13/15, 0 false flags, tuned from then on. Still
    /// missed: a plant-name pupil at the start of a sentence with no other naming context ("Poppy is a snake",
    /// "Iris sucks off ..."), so nobody is named. After the HeldOut7 pass (an ordinary-word name opening a sentence with
    /// "is a" and an insult, or a verb only people do, is the child): 14/15, "Iris sucks off ..." still missed.</summary>
    internal static readonly (string Text, string Category)[] Batch2 =
    [
        ("kys Jack nobody would miss u", Threat),
        ("Mercy go die in a ditch honestly", Threat),
        ("if Tyler shows his face at the bus stop tomorrow he's getting rushed", Threat),
        ("someone bring a blade for Rowan on friday 🔪", Threat),
        ("leave the year 9 gc everyone, we're making a new one without Iris", Bully),
        ("🤡🤡🤡 look at Jack's new haircut, send it to the whole year", Bully),
        ("day 5 of asking Mercy why she's such a loser", Bully),
        ("Poppy is a snake, spread it, everyone needs to know", Bully),
        ("Mercy's lot should get sent back on a boat", Racist),
        ("Rowan talks like a paki shopkeeper 😂", Racist),
        ("all the polish kids in year 9 are thieves", Racist),
        ("Ms Sowerby has a fat arse and everyone knows it 🍑", Obscene),
        ("Iris sucks off year 11s behind the sports hall", Obscene),
        ("Tyler you're so dumb its actually embarrassing, stupid ugly rat", Negative),
        ("Jack Kennedy is a proper weirdo no one likes him", Negative),
    ];

    internal static readonly string[] Batch2Harmless =
    [
        "I'm getting absolutely battered by this chemistry homework",
        "Mercy I will literally die if you don't come to my party 😭",
        "new year 9 gc is up, ask Iris for the link",
        "Tyler's new haircut is so clean, send me your barber's number",
        "day 5 of revision and i still don't get quadratic equations",
        "we lost 6-0, Highcliffe got battered at the match today",
        "the polish exchange students arrive in year 9 next week, so excited",
        "Ms Sowerby's assembly about kindness was actually really good",
        "Rowan is such a nerd lol love him",
        "go die? nah I'm going to the cinema",
        "Jack Kennedy is proper funny, had us crying in maths",
        "shout out to Poppy for organising the charity bake sale",
        "that new Stormzy track is violent fr",
        "the snake in the science lab escaped again 🐍",
        "pull up to mine after school Iris, we're watching the match",
    ];

    /// <summary>Batch 3, written after batch 2's changes; parents' voice as well as pupils'. First run, before any
    /// change made for it: 11/15 caught, 2 false flags of 15 ("I'll be waiting at the gates ... to pick Jack up for
    /// the dentist", "sort the football kits out"). Then: a school-run errand keeps a menacing phrase off, "sort the
    /// ... out" with no person before "out" is a thing, disablist slurs as insults: 11/15, 0 false flags. Still
    /// missed: "watch himself ... gonna be waiting", "rated 2/10 by the whole of year 8", "Jack is a spastic"
    /// (a common-word name at the start of a sentence is nobody), and "Mr Lomax is a paedo" gets allegation and
    /// defamation but not obscene. After the HeldOut7 pass: 12/15 ("Jack is a spastic" is the child now).</summary>
    internal static readonly (string Text, string Category)[] Batch3 =
    [
        ("if that Fenwick boy touches my son again I'll be waiting at the gates for him", Threat),
        ("swear down Rowan ur getting smacked tmrw", Threat),
        ("tell Jack to watch himself walking home, the boys are gonna be waiting", Threat),
        ("Tyler's dad wants to come down the school and sort Mr Whitlock out properly", Threat),
        ("everyone block Mercy and report her page, she's finished", Bully),
        ("who wants to see what Iris looks like without makeup 😂 pics in the gc", Bully),
        ("no one talk to that Kennedy girl on the trip, leave her on her own", Bully),
        ("Rowan Pritchard rated 2/10 by the whole of year 8 lmao", Bully),
        ("them gypsy kids from the site are always nicking stuff", Racist),
        ("Mercy smells like a wog tbh", Racist),
        ("go back to Africa Mercy no one wants you here", Racist),
        ("Mr Lomax is a paedo, look how he stares at the year 7 girls", Obscene),
        ("Poppy Hale's nudes are going round, she's such a whore", Obscene),
        ("Mrs Ogunleye is a useless fat cow and everyone hates her", Negative),
        ("Jack is a spastic, can't even catch a ball", Negative),
    ];

    internal static readonly string[] Batch3Harmless =
    [
        "I'll be waiting at the gates at 3:15 to pick Jack up for the dentist",
        "swear down this maths test is gonna end me",
        "everyone block out friday evening for the year 11 prom!!",
        "who wants to see the pics from the year 8 trip? in the gc now 😂",
        "Rowan rated the new canteen pizza 10/10, we're all shocked",
        "Mr Lomax's speech at the awards evening was lovely",
        "Tyler's dad is coming down the school to sort the football kits out",
        "Mercy your braids look amazing today 😍",
        "the gypsy jazz band at the summer fair was brilliant",
        "watch yourself on the ice outside the sports hall, it's lethal",
        "we'll smash it in the netball final, come support",
        "Iris is my absolute bestie, love her to bits ❤️",
        "Jack caught the ball one-handed, what a catch",
        "Ms Sowerby said we can leave our bags on the coach on the trip",
        "I'm going to destroy you at FIFA tonight Tyler 😤",
    ];

    /// <summary>Batch 4, written after batch 3's changes. First run, before any change made for it: 6/15 caught,
    /// 0 false flags of 15. Then: "ima/imma/finna" as intentions ("have a stab at" is no act), leaking her/his
    /// and duetting someone as humiliation, "move schools" and "nobody likes you" as calls to shun, "ugliest",
    /// homophobic slurs: 10/15, 0 false flags (a bare "leak" caught one more here but flagged "the leaking roof" on
    /// HeldOut5, so it was narrowed). Still missed: "getting banged out", "better not come ... or she's done",
    /// "leak Poppy Hale's snaps", a monkey likened with 🐒, "a bender".</summary>
    internal static readonly (string Text, string Category)[] Batch4 =
    [
        ("on my life Tyler is getting banged out at lunch", Threat),
        ("ima stab Rowan Pritchard if he chats about my mum again", Threat),
        ("someone needs to slap Iris Kennedy back to year 7", Threat),
        ("Mercy Adeyemi better not come to school tomorrow or she's done", Threat),
        ("everyone spam Jack's dms telling him he's a loser 😂", Bully),
        ("leak Poppy Hale's snaps to the year 12 gc", Bully),
        ("Tyler Fenwick no one likes you, just move schools already", Bully),
        ("making a tiktok about Rowan Pritchard's crusty shoes, duet it 💀", Bully),
        ("Mercy Adeyemi is a monkey 🐒🐒", Racist),
        ("fucking pakis taking over Marlbury, Rowan's family included", Racist),
        ("all the roma kids at Highcliffe are dirty tramps", Racist),
        ("Iris Kennedy's tits are massive, bet she loves it", Obscene),
        ("Mr Birch is a bender, he definitely fancies the boys in year 10", Obscene),
        ("Jack Kennedy you're a braindead mong and your mum knows it", Negative),
        ("Poppy Hale is the ugliest girl in year 12 no cap", Negative),
    ];

    internal static readonly string[] Batch4Harmless =
    [
        "on my life this year 11 mock is getting the better of me",
        "ima stab at the maths homework later, anyone done q4?",
        "Tyler is done with his GCSEs, so proud 🎉",
        "everyone spam the like button on the school tiktok, we're trying to hit 1k",
        "Poppy Hale's snaps from the geography trip are so pretty",
        "making a tiktok about the year 8 talent show, duet it if you were there 💀",
        "Mercy Adeyemi went to the monkey world trip, she loved the orangutans",
        "Rowan's family is taking over the cake stall at the Marlbury fun run",
        "Jack Kennedy you're a legend, carried the whole team",
        "Poppy is the funniest girl in year 12 no cap",
        "Mr Birch is the best SENCo, he always listens",
        "slap bang in the middle of exam season and the wifi is down",
        "Iris Kennedy's art is massive, it takes up the whole wall",
        "we're gonna knock Marlbury United out of the cup 👊",
        "lol Jack got absolutely rinsed in the debate but took it well",
    ];

    /// <summary>Batch 5, written after batch 4's changes and measured once, with no change made for it: 12/15 caught,
    /// 3 false flags of 15, the estimate for wordings the rules have not seen. Missed: "put Tyler Fenwick in
    /// hospital", "gonna jump Jack Kennedy" (a name after "jump", where the act lists "jump him"), "get bent over the
    /// desk". False flags: "day 3 of the Duke of Edinburgh hike and Jack ...", "Tyler you lazy sod ... 😂" (read as
    /// an adult mocking a pupil; between pupils it is banter), a quoted song title "'I'm gonna hurt you'". The
    /// first run was the floor until the HeldOut7-11 safeguarding and threat pass, which added "put [a person] in
    /// hospital" and "jump [a named person]" as classes (TenthSchoolRuleTests) after reading these misses: 14/15 now,
    /// a tuned figure.</summary>
    internal static readonly (string Text, string Category)[] Batch5 =
    [
        ("Rowan Pritchard ur actually getting decked when i see u", Threat),
        ("swear on my nan im gonna put Tyler Fenwick in hospital", Threat),
        ("the year 10s are gonna jump Jack Kennedy at the bus stop, spread the word", Threat),
        ("kys Poppy Hale, genuinely the world would be better", Threat),
        ("unfollow Mercy Adeyemi everyone, she's a grass", Bully),
        ("screenshot Iris Kennedy's story before she deletes it 😂😂", Bully),
        ("day 3 of reminding Tyler Fenwick he's a nobody", Bully),
        ("nobody sit next to Jack Kennedy in science, he stinks", Bully),
        ("Mercy Adeyemi should go back to where she came from", Racist),
        ("another p*ki family moving near Highcliffe, great", Racist),
        ("Rowan Pritchard talks like a pikey lol, probably lives in a caravan", Racist),
        ("Ms Sowerby wants to get bent over the desk by Mr Whitlock", Obscene),
        ("Poppy Hale is such a slag, she's been with half of year 13", Obscene),
        ("Tyler Fenwick you're a fat lazy waste of oxygen", Negative),
        ("Iris Kennedy is a stuck up cow, can't stand her", Negative),
    ];

    internal static readonly string[] Batch5Harmless =
    [
        "Rowan Pritchard you're actually getting good at guitar",
        "I'm gonna put Tyler Fenwick's name forward for sports captain",
        "the year 10s are gonna jump in the pool at the end of the swim gala",
        "Poppy Hale's dance solo was unreal, genuinely the best act",
        "unfollow the old school account everyone, the new one is @highcliffeacademy",
        "screenshot the bus timetable before it changes again",
        "day 3 of the Duke of Edinburgh hike and Jack is still smiling",
        "Mercy Adeyemi came back from Nigeria with the best jollof recipe",
        "you're dead to me for not telling me about the party 😂",
        "this teacher is killing me with all these past papers",
        "we destroyed Marlbury Grammar at rugby, they never stood a chance",
        "Tyler you lazy sod, you still owe me a quid 😂",
        "Iris Kennedy can't stand horror films, we're watching Frozen instead",
        "'I'm gonna hurt you' is such a good song fr",
        "Ms Sowerby's desk is covered in thank you cards, she deserves it",
    ];

    private static (int Caught, List<string> Missed, List<string> False) Measure((string Text, string Category)[] posts, string[] harmless)
    {
        var missed = new List<string>();
        var wrong = new List<string>();
        foreach (var (text, category) in posts)
        {
            var r = SecondarySchool.Screen(text);
            if (!r.Categories.Contains(category)) missed.Add($"{category}: {text} => [{string.Join(",", r.Categories)}]");
        }
        foreach (var text in harmless)
        {
            var r = SecondarySchool.Screen(text);
            if (r.Police || Five.Any(r.Categories.Contains)) wrong.Add($"{text} => [{string.Join(",", r.Findings.Select(f => $"{f.CategoryId}:{f.Detector}:{f.Text}"))}]");
        }
        return (posts.Length - missed.Count, missed, wrong);
    }

    /// <summary>Each batch with the floor of its figures (first run, or after tuning on it: see each batch's comment).</summary>
    public static TheoryData<string, int, int> Batches => new()
    {
        { "Batch1", 15, 0 },
        { "Batch2", 14, 0 },
        { "Batch3", 12, 0 },
        { "Batch4", 10, 0 },
        { "Batch5", 14, 3 },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void Batch_stays_at_its_recall_and_false_flags(string batch, int caughtFloor, int falseFlagCeiling)
    {
        var (posts, harmless) = batch switch
        {
            "Batch1" => (Batch1, Batch1Harmless),
            "Batch2" => (Batch2, Batch2Harmless),
            "Batch3" => (Batch3, Batch3Harmless),
            "Batch4" => (Batch4, Batch4Harmless),
            "Batch5" => (Batch5, Batch5Harmless),
            _ => throw new ArgumentOutOfRangeException(nameof(batch), batch, null),
        };
        var (caught, missed, wrong) = Measure(posts, harmless);
        Assert.True(caught >= caughtFloor && wrong.Count <= falseFlagCeiling,
            $"{batch}: caught {caught}/{posts.Length}; missed: {string.Join(" | ", missed)}\nfalse flags {wrong.Count}: {string.Join(" | ", wrong)}");
    }
}
