using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;

namespace Courtesy.Tests.Screening;

/// <summary>
/// A labelled safeguarding set written for this test, in the voice of pupils, parents and staff on
/// WhatsApp, Snapchat, TikTok, Instagram and Facebook: posts a DSL must see (self-harm or suicidal intent,
/// a disclosure of abuse or exploitation, a child at risk) and everyday posts that use the same words
/// harmlessly ("this homework is killing me", "went missing: one black school shoe"). The names are an
/// invented roster of their own, not those of any labelled set.
/// </summary>
public class SafeguardingRecallTests
{
    private const string RosterCsvText = """
        kind,title,first_name,last_name,preferred_name,role,year_group
        pupil,,Leah,Moran,,,Year 9
        pupil,,Kai,Doherty,,,Year 10
        pupil,,Zara,Ahmed,,,Year 8
        pupil,,Finn,Castle,,,Year 9
        pupil,,Tomasz,Nowak,,,Year 7
        pupil,,Ellie,Brooks,,,Year 11
        staff,Mr,Owen,Pike,,Head of Year 9,Year 9
        staff,Mrs,Janet,Quinlan,,Designated Safeguarding Lead,
        parent,Mrs,Karen,Moran,,Parent of Leah Moran,Year 9
        """;

    private static readonly InventedSchool School = new("Kestrel Park Academy", ["Kestrel Park", "KPA"], "Hollowford", RosterCsvText, "kestrel-roster.csv");

    /// <summary>Posts a Designated Safeguarding Lead must see.</summary>
    internal static readonly string[] Concerns =
    [
        // self-harm or suicidal intent, first person and teen forms
        "kms fr i cant do this anymore",
        "honestly just want to unalive myself rn",
        "i dont want to be here anymore. nobody would even notice",
        "I just want to disappear tbh, everyone would be happier",
        "whats the point in anything. im done",
        "there's no point in living when everyone hates you",
        "they'd all be better off without me",
        "i can't go on like this anymore, I'm so tired of everything",
        "started cutting again last night, please dont tell anyone",
        "been self harming since year 8 and nobody knows",
        "I keep hurting myself when it gets bad",
        "goodbye everyone, sorry for everything. i love you all and im sorry i wasnt enough",
        "thinking about sewerslide ngl",
        "i want to kill myself",
        "i just want to end it tonight",
        "I wish I was dead",
        "i took a load of pills last night, didn't tell mum",
        // self-harm reported by a friend or parent
        "Leah said she wants to kill herself, she sent it on snap at 2am",
        "he's been cutting his arms, I saw it in PE",
        "my friend keeps saying she wants to end it all, I'm really worried",
        "she took a load of pills on friday and had to go to a&e",
        "Kai posted that he wants to unalive himself, someone please tell a teacher",
        "Zara has been cutting herself again, she showed me on facetime",
        "my daughter told me she doesn't want to be here anymore",
        // disclosure of abuse, exploitation
        "my stepdad hurts me when mum's at work",
        "mums boyfriend hits her and shouts at all of us",
        "he makes me do stuff I dont want to do and says no one will believe me",
        "im scared to go home tonight, dad's drunk again",
        "she comes in with bruises on her arms every monday",
        "my uncle touches me when he babysits",
        "my dad locks me in my room the whole weekend",
        "there's this older guy messaging Zara on insta, he's like 25",
        "some man asked her for pics on snapchat",
        "she's been sending nudes to a guy she met on tiktok",
        "Ellie is meeting up with a man she met online on saturday",
        "this older lad gives her vapes and money and she has to do stuff for him",
        "Finn's running for some older boys, they give him cash and a phone",
        "he's holding for them, keeps it in his school bag",
        "Tomasz goes country at weekends and his mum doesn't know where he is",
        "they've cuckooed his nan's flat",
        "dad hits mum and we hide upstairs",
        "my mum won't let me eat tea if i get a bad mark",
        // a child at risk
        "Tomasz gets left on his own all weekend, his parents go away",
        "nobody ever picks her up, she walks home in the dark on her own",
        "there's never any food in the house, he asked me for my lunch again",
        "they're sleeping in a car since they got evicted",
        "Leah has gone missing, hasn't been seen since Friday, please share",
        "my sister hasn't come home since last night and she's not answering",
        "Kai ran away last night, police are looking for him",
        "a year 9 boy brought a knife in his bag, showed everyone on the bus",
        "mum and her boyfriend were fighting all night again, police came, my little brother was screaming",
    ];

    /// <summary>Everyday posts with the same words: no flag.</summary>
    internal static readonly string[] Harmless =
    [
        "this homework is killing me 😭",
        "I could kill for a coffee after that parents' evening",
        "dying of laughter at the year 11 leavers video 😂",
        "I'm dead 💀💀",
        "my phone died halfway through the trip lol",
        "kill the lights when you leave the hall please",
        "dad's cutting the grass on the school field saturday for the fete",
        "cutting the cake at the leavers do at 3",
        "mum's cutting my hair tonight pray for me",
        "total overdose of sugar at the party, they were bouncing off the walls",
        "the kids ran away with the trophy at sports day!! so proud",
        "went missing: one black school shoe, size 5, name inside",
        "he hits the ball so hard, future England player",
        "the assembly touches on every topic from kindness to online safety",
        "found a bruised banana in her bag from last term 🤢",
        "let's end it all on a high at the leavers' prom!",
        "I'm scared to go home because mum will see my report 😂",
        "lost PE kit: navy hoodie, has Finn's name in it",
        "anyone seen a blue water bottle? gone missing from the changing rooms",
        "my mum's boyfriend is taking us to Alton Towers this weekend!!",
        "the fire drill is killing me, third one this week",
        "my legs are dead after cross country",
        "honestly this maths test will be the death of me lol",
        "I need to disappear for a nap after that lesson",
        "the online safety talk covered grooming, nudes and county lines, really useful",
        "reminder: the self-harm awareness workshop for parents is on Thursday",
        "ngl I'd kms if we get another detention for ties 😂",
        "he's been running for the bus every morning because he's late",
        "we're going to the country park at the weekend",
        "nobody picks up the phone at reception, rang 6 times",
        "there's no food left in the canteen by the time year 11 get there",
        "she's been sleeping in the car on the way to every away match",
        "the class gerbil has gone missing from the science lab again",
        "Mr Pike asked for pics of the science fair for the newsletter",
        "I can't go on the school trip, it's £300",
        "What's the point in living so close to school if you still get a late mark 😂",
        "goodbye everyone! last day at Kestrel Park, gonna miss you all x",
        "the older man at the crossing is lovely, always waves at the kids",
        "my stepdad hits the gym every morning before work",
        "black eye from a football at lunch, he's fine, just looks hard now",
        "year 10 are killing it in the netball league",
        "I'm going to kill my brother if he eats my Easter egg again",
        "the cutting edge science lab opens in september",
        "she's holding for the bus driver to come back, tell him to wait",
        "sorry I'm late, my car broke down and my phone was dead",
        "he hasn't come home with his PE kit all term",
        "the dog ran away again, found him at the park",
        "my son is starving after rugby, eats everything in the house",
        "left my coat on the bus, can anyone from year 8 check?",
        "he's always getting bruises from rugby, proper little tank",
        "Kai is going out with a girl he met online playing fortnite 🙄 teenagers",
    ];

    /// <summary>A second batch written after the first families were added and measured once before any
    /// further change: 1/20 caught, 0 false flags of 20, the honest figure for wordings the rules had not
    /// seen. The families were then widened (eating disorders, secrecy, wounds on the body, going missing,
    /// thrown out, home alone, an adult met on snap): 15/20, 0 false flags, now tuned figures too.</summary>
    internal static readonly string[] FreshConcerns =
    [
        "im so done with everything, i just want to go to sleep and not wake up",
        "Leah's story at 3am said 'it's not worth it anymore' with a bridge pic, has anyone checked on her??",
        "bro i swear im gonna end myself tonight",
        "she showed me fresh cuts on her thighs in the toilets",
        "he told me his dad punches him when he's drunk and not to tell anyone",
        "my mums new partner keeps coming into my room at night",
        "some 19 year old keeps adding year 8 girls on snap and asking them to meet him at the park",
        "Kai has been going missing every weekend and comes back with new trainers and loads of cash",
        "Finn hasn't been in school for 3 weeks and nobody answers the door at his house",
        "Zara said her uncle is taking her abroad in the summer to get married, she's 14",
        "Tomasz has been sleeping at different mates' houses cos his mum kicked him out",
        "my little brother's 6 and he's home alone every night till 11 while mum's at work",
        "she's not eating anything and keeps making herself sick after lunch",
        "he keeps talking about shooting up the school and has pictures of guns on his phone",
        "someone needs to check on Ellie, she posted a goodbye letter on her close friends",
        "I'm just a burden to everyone, they'd be happier if I was gone",
        "my step dad said he'd kill me if I told anyone what he does",
        "Kai's cousin gets him to drop off packages after school and pays him £50 a time",
        "she's 13 and her 'boyfriend' is 22 and picks her up from school in his car",
        "there's a grown man in a group chat with year 7s sending them stuff",
    ];

    internal static readonly string[] FreshHarmless =
    [
        "im so done with this heatwave, just want to sleep for a week",
        "not worth it anymore paying for the school photos, they're always blurry",
        "my dad punches the air every time City score 😂",
        "fresh cuts at the barbers before prom, looking sharp lads",
        "she said she'd kill me if I told anyone about the surprise party",
        "my mum's new partner is coming to parents evening, bit awkward",
        "some year 11s keep adding year 7s on snap to wish them luck for exams, so sweet",
        "new trainers and loads of cash from his birthday, spoilt rotten",
        "Finn's been off for 3 weeks with glandular fever, get well soon!",
        "Zara's auntie is getting married abroad in the summer, she's a bridesmaid",
        "Tomasz is sleeping at his mate's house for his birthday",
        "home alone for the first time tonight while mum's at the cinema, she's 16 now",
        "she's not eating school dinners anymore, takes a packed lunch",
        "he keeps talking about shooting hoops after school, obsessed with basketball",
        "Ellie posted a goodbye letter to her old primary teacher, so cute",
        "I'm such a burden on the group chat with all my questions sorry",
        "the school is killing the arts with these cuts to music",
        "Kai's cousin drops him off at school most mornings",
        "she's 13 and already taller than her dad",
        "there's a grown man dressed as a dinosaur at the school fete",
    ];

    /// <summary>A third batch, written after the changes above and measured once before any further change:
    /// 4/20 caught, 0 false flags of 20. Then widened (sexual abuse words, a parent never sober, medication
    /// misuse, days without food, a weapon carried, "thinking about dying", "see the point anymore", an adult
    /// man messaging): 16/20, 0 false flags, tuned figures from then on.</summary>
    internal static readonly string[] UnseenConcerns =
    [
        "does anyone know if Kai is ok? his snap story just says 'sorry mum, i tried' and he's not picking up",
        "my 12 yo found messages on her ipad from a man asking what colour her bra is",
        "Leah turned up at ours at midnight in her pyjamas saying she can't go back there",
        "i think about dying literally every day and i dont know who to tell",
        "there's a lad in year 10 who keeps a blade in his sock, everyone knows",
        "her mum's never sober when she picks her up, she was swaying at the gate today and drove off with the kids",
        "Zara wears long sleeves even in PE and flinches if you touch her arm",
        "he's 14 and keeps getting dropped home at 3am by men in a black car",
        "ngl if tomorrow goes bad im taking all my mum's tablets",
        "the little one from Year 7 said her dad hurts her mum and she has to hide in the wardrobe",
        "Tomasz hasn't had a proper meal in days, his mum's been in bed since the baby",
        "someone sent Ellie a video of her being threatened with a knife and said she's next",
        "my best mate told me her brother's friend raped her at a party and she's scared to tell anyone",
        "i genuinely dont see the point anymore, i'm tired of pretending im ok",
        "he keeps posting stuff about wanting to join some group and hating everyone at school who isn't white",
        "Finn's dad left him at the services on the way back from Wales, he had to ring his nan",
        "everyone would honestly be better off if i just wasnt here",
        "she's been self-medicating with her mum's diazepam, she's only 15",
        "my daughter's 'friend' online turned out to be a 40 year old man, he's been asking to meet",
        "Kai's mum's boyfriend punched him in the face last night, he's got a massive lump on his head",
    ];

    internal static readonly string[] UnseenHarmless =
    [
        "does anyone know if the school bus is running? it's not picking up on our road",
        "my 12 yo found a spider in her ipad case and screamed the house down 😂",
        "Leah turned up at ours at midnight after the sleepover drama, all sorted now",
        "i think about pizza literally every day tbh",
        "there's a lad in year 10 who keeps a rubik's cube in his blazer, solves it in 20 seconds",
        "her mum's never late picking her up, she's at the gate every day at 3",
        "Zara wears long sleeves even in summer, she just feels the cold",
        "he's 14 and keeps getting home at 10pm from football training, I'm knackered",
        "ngl if tomorrow goes bad im taking a duvet day",
        "the little one from Year 7 said her dad is a firefighter, she's so proud",
        "Tomasz hasn't had a proper haircut in months lol",
        "someone sent Ellie a video of her dancing in the talent show, she's a star",
        "my best mate told me her brother's friend got into Oxford, amazing",
        "i genuinely dont see the point of the new uniform policy",
        "he keeps posting stuff about wanting to join the army cadets",
        "Finn's dad left his wallet at the services on the way back from Wales 🙈",
        "everyone would honestly be better off if school started at 10",
        "she's been revising with her mum's old GCSE notes, she's only 15",
        "my daughter's penpal turned out to be a 40 year old teacher from Spain running a language scheme",
        "Kai punched the air when he got his results, massive smile on his face",
    ];

    /// <summary>A fourth batch, written after the changes above and measured once before any further change:
    /// 6/20 caught, 0 false flags of 20. Then widened (wanting everything to stop, "does things to her",
    /// fear of someone at home, sharing a child's nudes as a threat, smelling of alcohol, nobody ever home,
    /// substances given to children, school-ordeal hyperbole): 16/20, 0 false flags, tuned from then on.</summary>
    internal static readonly string[] LastConcerns =
    [
        "i cant stop crying and i just want everything to stop. i've written letters for everyone",
        "she told me in confidence that her grandad does things to her when she stays over",
        "Kai's been self harming again, he burnt himself with a lighter at the weekend",
        "my friend's boyfriend is 24 and she's in year 9, he makes her send him videos",
        "he's been living in his mate's shed since his mum's new fella moved in",
        "Leah's gone again, third time this month, her mum reckons she's with those lads from town",
        "honestly gonna overdose tonight nobody cares anyway",
        "she says her dad strangled her mum in front of them last night",
        "pretty sure a man's been waiting outside school giving the year 8s free vapes",
        "Tomasz came in with burns on his hands and said he's not allowed to say how",
        "my sister keeps saying she wants to die and she's only 11",
        "Zara's step mum makes her sleep in the garage when she's naughty",
        "there's a video going round of Finn being beaten up and his mum says it's his own fault",
        "i'm scared of my dad, he smashed my phone and pinned me against the wall",
        "the lads in year 11 are making Ellie do things to them in the park or they'll share her pics",
        "Kai has been going to a flat in town after school where older men give him weed",
        "everyone is better off without me, i'm done",
        "he's 8 and walks himself to school and back every day cos no one's ever home",
        "she keeps disappearing at lunch and comes back smelling of alcohol, she's 12",
        "i dont want to wake up tomorrow",
    ];

    internal static readonly string[] LastHarmless =
    [
        "i cant stop laughing at the year 6 leavers song 😂",
        "she told me in confidence that she's applying for head girl",
        "Kai burnt the toast again at breakfast club lol",
        "my friend's boyfriend is 17 and in sixth form, he's lovely",
        "he's been living in his football kit since the world cup started",
        "Leah's gone to her nan's for half term, back monday",
        "honestly gonna eat so much chocolate tonight",
        "she says her dad is coming to sports day for once!",
        "pretty sure a man's been selling ice creams outside school, the kids love it",
        "Tomasz came in with paint on his hands from art club",
        "my sister keeps saying she wants to be a vet and she's only 11",
        "Zara's step mum makes the best birthday cakes",
        "there's a video going round of Finn scoring from the halfway line",
        "i'm scared of spiders, there's one in the maths block",
        "the lads in year 11 are doing a charity car wash in the park",
        "Kai has been going to a coding club in town after school",
        "everyone is better off with a proper breakfast before exams",
        "he's 8 and walks to school with his older brother every day",
        "she keeps disappearing at lunch to practise for the school play",
        "i dont want to wake up tomorrow, it's the maths mock 😭",
    ];

    /// <summary>A fifth batch, written after the changes above and measured once before any further change:
    /// 3/20 caught, 1 false flag of 30 ("a black eye playing hockey"). Then widened (an adult's age in years,
    /// "nobody would care if she died", missing since / last seen, took something at a party, a weapon "he
    /// keeps", violence from someone at home, a child left caring for a baby all night, an accident near a
    /// bruise or black eye): 15/20, 0 false flags, tuned from then on.</summary>
    internal static readonly string[] FinalConcerns =
    [
        "can someone please message Leah, she just posted 'i'm sorry for being such a disappointment, this is it' and went offline",
        "i've been hurting myself again and i'm scared mum will find out",
        "he says his stepmum burns him with cigarettes when he's bad",
        "a man in a white van keeps asking year 7 girls if they want a lift home",
        "Finn's brother makes him carry stuff to people's houses after dark and he gets paid in cash",
        "she's been starving herself for weeks, she fainted in science today",
        "i don't see a future for me, i'm just waiting for the right moment",
        "Kai's mum's boyfriend filmed her in the shower and put it online",
        "Zara keeps saying nobody would care if she died",
        "my cousin (she's 12) has been talking to a guy on discord who sends her money",
        "Tomasz says he has to look after his baby sister all night because mum goes out",
        "Ellie took something at a party on saturday and ended up in hospital, she's only 14",
        "he showed me a picture of the knife he keeps under his bed for the lads who jumped him",
        "please share, 13 year old Leah Moran missing since 4pm, last seen near the canal",
        "my dad said if i tell school about the bruises he'll make it worse",
        "she's been going out with a 20 year old and he won't let her see her friends",
        "i've got the tablets ready, i'm just going to take them all tonight",
        "dad throws things at us when he's angry, my little sister wet herself last time",
        "everyone at school says i should just die and honestly maybe they're right",
        "Kai's been skipping school to work for some men at a car wash and comes back with cash",
    ];

    internal static readonly string[] FinalHarmless =
    [
        "can someone please message the class rep, the trip money link isn't working",
        "i've been hurting from that PE lesson all week, my legs are dead",
        "he says his stepmum makes the best roast dinners",
        "a man in a white van keeps parking across the school gates, so annoying",
        "Finn's brother makes him carry the shopping in every saturday lol",
        "she's been starving since lunch, the canteen ran out of pasta",
        "i don't see a future for me in French tbh, dropping it for GCSE",
        "Kai's mum's boyfriend filmed the whole sports day, will share the video in the group",
        "Zara keeps saying nobody would care if she wore trainers to school",
        "my cousin (she's 12) has been talking to her penpal in France on zoom for school",
        "Tomasz says he has to look after his rabbit all weekend because we're away",
        "Ellie took a tumble at the party on saturday and sprained her ankle",
        "he showed me a picture of the cake he baked for his nan's birthday",
        "please share, lost cat near the canal, answers to Biscuit",
        "my dad said if i tell school about the trip he'll pay for it",
        "she's been going out with the same boy since year 7, cute",
        "i've got the tablets ready for the trip, mum wrote the dose on the box",
        "dad throws the ball for the dog every morning before school",
        "everyone at school says i should try out for the team",
        "Kai's been helping at his uncle's car wash on saturdays for pocket money",
        "i'm dying to see the photos from prom 😍",
        "this heat is killing me, can we have shorts please",
        "my nan's been in hospital all week, so the kids are staying with us",
        "the whole of year 9 went missing from the group chat after the fire alarm lol",
        "he cut his hand on the craft knife in DT, school rang me",
        "she got a black eye playing hockey but she scored twice",
        "goodbye everyone, I'm off to the Lakes for a week with no signal!",
        "anyone else's kid left home for uni this week? house is so quiet",
        "we're all starving after the sponsored walk, chippy anyone?",
        "no one answers the phone at the office after 3, so frustrating",
    ];

    /// <summary>A sixth batch, written after every family and measured once: 5/20 caught, 2 false flags of 20,
    /// the estimate for wordings the rules have not seen (see the README's Safeguarding paragraph). Only the
    /// two false flags were then fixed ("for some older ladies", "hasn't been home much") and "the boy who
    /// went missing" read: 6/20, 0 false flags. Then widened (a goodbye without a goodbye word, methods of
    /// suicide, cutting or burning verbs with a place on the body, signs of neglect, out at midnight, extremism,
    /// "her boyfriend is 26" with a child's age in the post): 12/20, 0 false flags, tuned from then on.</summary>
    internal static readonly string[] SixthConcerns =
    [
        "pls someone talk to Zara, she keeps saying she won't be here after christmas",
        "i sliced my arm open last night and it won't stop bleeding",
        "my 10 year old told me the man next door shows her videos on his phone and gives her sweets",
        "there's a kid in year 8 who's always in the same dirty uniform and eats out of the bins at lunch",
        "Leah said her mum's boyfriend hits her with a belt if she's late home",
        "she's been slipping out at night to meet a guy from snapchat who's way older",
        "i'm going to jump off the multi storey tonight, tell everyone i'm sorry",
        "Kai's been selling weed for some older lads and now he owes them money",
        "Finn said his mum hasn't been home for four days and he's been feeding his brothers",
        "my daughter says a boy in her class showed her nudes of a year 7 girl",
        "he keeps telling me he wants to die and he's got a rope in his room",
        "she has bruises round her neck and won't say how",
        "our neighbour's kids are left outside in the cold till midnight while she's at the pub",
        "Tomasz said his dad hits him with whatever's nearby when he's been drinking",
        "i have no one and nothing, i just want to sleep forever",
        "Ellie's been added to a group chat where men send her money for pics",
        "the year 10 boy who went missing last week was found in a flat in another city",
        "i'm pregnant and my boyfriend is 26, please don't tell anyone, i'm 14",
        "someone keeps leaving drugs in Kai's locker and he's too scared to say who",
        "he's been talking about going to fight for some group abroad and the imam at the mosque is worried",
    ];

    internal static readonly string[] SixthHarmless =
    [
        "pls someone talk to Zara, she keeps saying she won't be at the christmas fair",
        "i sliced my finger open chopping onions last night, so much blood lol",
        "my 10 year old told me the man next door has a new puppy",
        "there's a kid in year 8 who's always first in the lunch queue",
        "Leah said her mum's boyfriend is taking her to see the football",
        "she's been slipping out at lunch to buy a meal deal from tesco",
        "i'm going to jump off the top diving board at swimming tonight!",
        "Kai's been selling cakes for some older ladies at the church fete",
        "Finn said his mum hasn't been home much since she started nights at the hospital, his nan stays with them",
        "my daughter says a boy in her class showed her his new puppy",
        "he keeps telling me he wants to be a youtuber",
        "she has a scarf round her neck in every photo",
        "our neighbour's kids are out in the garden till 9 in this lovely weather",
        "Tomasz said his dad hits the gym every morning",
        "i have no idea what the homework is, can someone send it",
        "Ellie's been added to the netball group chat, so happy for her",
        "the year 10 boy who lost his blazer last week found it in the hall",
        "i'm so proud, my daughter is 14 and got a distinction in piano",
        "someone keeps leaving crisps in Kai's locker as a joke",
        "he's been talking about going to uni abroad and his teacher is really supportive",
    ];

    /// <summary>A seventh batch, written after the changes above and measured once before any further change:
    /// 7/20 caught, 0 false flags (engine before: 1/20, 0). Then widened (despair without a goodbye word,
    /// giving things away, sexual stuff, holding a bag for someone, food locked away, running from care,
    /// a parent passed out drunk, "dad beats his mum", threats to post nudes): 17/20, 0 false flags.</summary>
    internal static readonly string[] SeventhConcerns =
    [
        "Kai's private story tonight was just 'i'm done with life' and a pic of his wrist, someone tell Mr Pike",
        "she told me her stepbrother forces her to do sexual stuff when their parents are out",
        "my mate in year 10 has been getting paid to hold a bag for some older guys from the estate",
        "i keep thinking everyone would be relieved if i was gone",
        "Zara's mum locks the fridge and she's only allowed one meal a day",
        "Finn turned up at school with a cut lip again and said he 'fell down the stairs'",
        "there's a man who hangs around the skate park giving the year 9 girls lifts and vodka",
        "Leah's been messaging someone she met on roblox who says he's 15 but his voice sounds like a grown man",
        "my son's friend stayed over and told me his dad makes him sleep on the floor and hits him",
        "Ellie ran off from her foster placement again last night and nobody knows where she is",
        "idk how much longer i can keep going tbh, i've been planning how to do it",
        "Tomasz keeps getting phone calls at lunch and leaves school, comes back with loads of new stuff",
        "my sister's 15 and her ex is threatening to post her nudes unless she sends more",
        "I overheard two year 8 boys saying one of them's dad beats his mum every weekend",
        "she cut all her hair off and gave away her stuff and keeps saying goodbye to people",
        "he's 12 and has been smoking weed with the older lads behind the shops every night",
        "Kai's mum passed out drunk on the sofa and he had to call an ambulance, he's 9",
        "there's a group of lads making a year 7 carry knives for them on the bus",
        "please someone help, my little brother hasn't eaten since friday and mum won't get out of bed",
        "i swallowed a load of paracetamol an hour ago and i feel sick",
    ];

    internal static readonly string[] SeventhHarmless =
    [
        "Kai's private story tonight was just a pic of his new trainers and 'i'm done with school for the week'",
        "she told me her stepbrother forces her to watch star wars every christmas",
        "my mate in year 10 has been getting paid to walk the neighbour's dog",
        "i keep thinking everyone would be relieved if the exams were cancelled",
        "Zara's mum locks the biscuit tin or she'd eat the lot lol",
        "Finn turned up at school with a cut on his knee from rugby, brave lad",
        "there's a man who runs the skate park club giving the year 9s free lessons, brilliant",
        "Leah's been messaging someone she met at drama club, they're both doing the school musical",
        "my son's friend stayed over and they played fifa till 11",
        "Ellie ran off with the last slice of cake at the party",
        "idk how much longer i can keep going with this coursework tbh",
        "Tomasz keeps getting phone calls at lunch from his nan, she's so sweet",
        "my sister's 15 and she's got her first job at the chippy",
        "I overheard two year 8 boys saying their dad beats everyone at chess",
        "she cut all her hair off for charity and raised £400!",
        "he's 12 and has been smoking everyone at fortnite every night 😂",
        "Kai's mum passed her driving test, he's so proud",
        "there's a group of lads making a year 7 carry their bags for a laugh, not on",
        "please someone help, my little brother hasn't stopped talking about the school trip since friday",
        "i swallowed a fly on the way to school and i feel sick 🤢",
    ];

    /// <summary>An eighth batch, written after every family and measured once: 7/20 caught, 1 false flag of 20
    /// (engine before: 0/20, 0), the last estimate for wordings the rules have not seen (see the README's
    /// Safeguarding paragraph). Only the false flag was then fixed ("her dad drags her to every parkrun");
    /// its misses were left as they were until the HeldOut7-11 safeguarding and threat pass, whose classes (self-injury
    /// other than cutting, running away as an intention, searching how many pills, not eating, violence between adults
    /// at home) were written knowing this list: 14/20 now, a tuned figure.</summary>
    internal static readonly string[] EighthConcerns =
    [
        "Leah just sent me a snap saying 'thank you for being my friend, i won't be a problem anymore' and now she's not answering",
        "my son says a boy in his form has been punching himself in the head in the toilets until it bleeds",
        "there's a 30 year old bloke on tiktok live who keeps telling year 8 girls to add him on snap",
        "Kai told me his uncle makes him keep secrets and touches him when they're alone",
        "i've been cutting since the summer and it's getting deeper",
        "she's 14 and her mum sends her to stay with 'friends' who are grown men",
        "Finn got stabbed in the leg on the way home and doesn't want anyone to know who did it",
        "there's no heating or electric at Tomasz's house and they've been eating cold beans for a week",
        "her dad drags her by the hair when she talks back, I've seen it at pick up",
        "Zara stopped coming to school after her dad found out about her boyfriend, her phone's been off for days",
        "i hate it here, i'm going to run away tonight and nobody will find me",
        "Ellie's mum screamed at her in the car park and slapped her across the face in front of everyone",
        "he keeps searching how many pills it takes, i saw it on his phone",
        "my friend is being made to deliver bags for a lad called T and he says they'll hurt her family if she stops",
        "the year 9 girl who sits by me has cigarette burns on her arms",
        "i don't eat anymore, i just chew gum and run till i feel dizzy",
        "Kai's mum leaves him and his little sister with her boyfriend who's always off his head",
        "i think my dad is going to kill my mum one day, he's getting worse",
        "he said his brother's mates made him hold a gun for them",
        "she's been getting messages from a man saying he'll tell her parents about their chats unless she meets him",
    ];

    internal static readonly string[] EighthHarmless =
    [
        "Leah just sent me a snap saying 'thank you for being my friend' with a birthday cake emoji 🎂",
        "my son says a boy in his form has been punching above his weight with the girls lol",
        "there's a 30 year old teacher on tiktok who does brilliant maths videos",
        "Kai told me his uncle keeps bees and gave him some honey",
        "i've been cutting down on sugar since the summer",
        "she's 14 and her mum lets her stay with her friends for sleepovers",
        "Finn got stung in the leg on the way home from the field trip",
        "there's no parking at Tomasz's house so we'll drop him at the corner",
        "her dad drags her to every parkrun, she loves it really",
        "Zara stopped coming to choir after she joined the football team",
        "i hate it here, the canteen queue is a nightmare",
        "Ellie's mum screamed when she saw the results, proudest mum ever",
        "he keeps searching how many goals Haaland has scored this season",
        "my friend is being made to deliver leaflets for her dad's business lol",
        "the year 9 girl who sits by me has the best handwriting",
        "i don't eat breakfast on school days, i'm never hungry that early",
        "Kai's mum leaves him at breakfast club at 7:30 because of her shifts",
        "i think my dad is going to cry at my graduation",
        "he said his brother's mates made him hold the goal for the whole match",
        "she's been getting messages from the PE teacher about netball fixtures",
    ];

    /// <summary>A ninth batch, written after the HeldOut7-11 safeguarding and threat pass and measured once, with no
    /// change made for it: 8/14 caught, 1 false flag of 16 ("my son hasn't eaten since lunch", an older cue). Its first
    /// run is the floor below, the estimate for wordings the pass did not see. Missed: a goodbye on a story with no
    /// despair word, a child left outside in the cold from early evening, "paid to carry packages", "giving his stuff
    /// away" (the cue has "giving away his stuff"), staying at older boys' houses, "nobody would care if he jumped".</summary>
    internal static readonly string[] NinthConcerns =
    [
        "pls can someone check on Ellie she put 'goodbye, i love you all' on her story and isn't replying",
        "my little cousin told me her mum's boyfriend makes her sleep on the floor and she's not allowed to eat with them",
        "this 30 year old keeps dming my 13yo sister asking her to meet him at the shops, he said not to tell our parents",
        "i cant stop scratching my arms until they bleed, i dont know how to stop",
        "everyone would be better if i just wasnt here",
        "the boy from number 12 has been sat on the wall outside his house since 7, nobody's answering and it's freezing",
        "heard the year 8 girls are being paid to carry packages across town for some older lads",
        "she's 14 and living with her 19 year old boyfriend, her mum doesn't care",
        "a kid in my class has bruises on his arms every monday and flinches when sir raises his voice",
        "my mate keeps talking about ending things and has been giving his stuff away",
        "mum hits me with the belt when i get bad marks, is that normal",
        "some random man sent my daughter a friend request and keeps liking all her old photos",
        "there's a girl in year 9 who's been sleeping at different lads' houses every weekend and missing school",
        "he keeps saying nobody would care if he jumped",
    ];

    internal static readonly string[] NinthHarmless =
    [
        "I swear if one more person tells me to calm down I'm going to lose it, I need sleep",
        "this maths homework makes me want to jump off a cliff 😂",
        "The year 9 girls are selling cakes for the charity, get there early",
        "My son hasn't eaten since lunch because he hated the dinner, any ideas?",
        "Our 5 year old wandered off at the beach for 2 minutes and it was the worst feeling ever",
        "Lost: little boy's blue coat, no name in it, left by the gate at 3",
        "Man with a dog at the park gate every morning, lovely guy, kids adore his spaniel",
        "grandad sends her messages every night on whatsapp to say goodnight, so sweet",
        "the lads were out till 10pm at the fireworks with us, great night",
        "she keeps punching herself in the face with excitement when she sees the cat 😂",
        "Can anyone recommend a tutor? happy to dm me",
        "My daughter is 14 and her boyfriend is 14 too, they're so sweet together",
        "Our kids were starving and filthy after the mud run, best day ever",
        "Who's selling their old school coat? my boy has no coat that fits",
        "I'm going to run away with the Christmas fair profits lol",
        "If this rain doesn't stop I'm going to drown in the school car park",
    ];

    private static (int Caught, List<string> Missed, List<string> False) Measure() => Measure(Concerns, Harmless);

    private static (int Caught, List<string> Missed, List<string> False) Measure(string[] concerns, string[] harmless)
    {
        var engine = School.Engine;
        var missed = new List<string>();
        var wrong = new List<string>();
        foreach (var t in concerns)
            if (!engine.Screen(new Post { Id = "p", Text = t }).Safeguarding) missed.Add(t);
        foreach (var t in harmless)
            if (engine.Screen(new Post { Id = "n", Text = t }).Safeguarding) wrong.Add(t);
        return (concerns.Length - missed.Count, missed, wrong);
    }

    [Fact]
    public void The_set_is_big_enough()
    {
        Assert.True(Concerns.Length >= 40, $"{Concerns.Length} concerns");
        Assert.True(Harmless.Length >= 40, $"{Harmless.Length} harmless posts");
    }

    /// <summary>Floors a little under the measured figures: before the safeguarding families 9/51 caught and
    /// 5 false flags of 51; after them 50/51 and none. The set was written before the families, but the
    /// families were then tuned on it, so these are development figures, not an estimate for a new school.</summary>
    private const double RecallFloor = 0.96;
    private const int FalseFlagCeiling = 0;

    [Fact]
    public void Safeguarding_recall_and_false_flags()
    {
        var (caught, missed, wrong) = Measure();
        var recall = caught / (double)Concerns.Length;
        Assert.True(recall >= RecallFloor && wrong.Count <= FalseFlagCeiling,
            $"recall {caught}/{Concerns.Length} = {recall:0.000}; missed: {string.Join(" | ", missed)}\nfalse flags {wrong.Count}: {string.Join(" | ", wrong)}");
    }

    /// <summary>"kys" aimed at another child is bullying and a threat, not the poster's own self-harm.</summary>
    [Theory]
    [InlineData("kys Finn nobody even likes you")]
    [InlineData("honestly Leah just kys")]
    [InlineData("go unalive yourself you weirdo")]
    public void Kys_at_someone_else_is_a_threat_not_self_harm(string text)
    {
        var r = School.Engine.Screen(new Post { Id = "k", Text = text });
        Assert.Contains(Categories.ThreatOfViolence, r.Categories);
        Assert.False(r.Safeguarding, text);
    }

    /// <summary>A post ending on an intention ("I'll") or on a wound word ("cuts all") once read past its end
    /// and threw (found by the benchmark).</summary>
    [Theory]
    [InlineData("if she starts I'll")]
    [InlineData("if she starts I'll finish")]
    [InlineData("cuts all")]
    [InlineData("scars all over")]
    public void A_post_ending_mid_frame_does_not_throw(string text)
    {
        var r = School.Engine.Screen(new Post { Id = "e", Text = text });
        Assert.NotNull(r);
    }

    /// <summary>Each later batch with the floor of its figures (see each batch's comment for its first run).</summary>
    public static TheoryData<string, int, int> Batches => new()
    {
        { "FreshConcerns", 15, 0 },
        { "UnseenConcerns", 16, 0 },
        { "LastConcerns", 18, 0 },
        { "FinalConcerns", 16, 0 },
        { "SixthConcerns", 13, 0 },
        { "SeventhConcerns", 17, 0 },
        { "EighthConcerns", 13, 0 },
        { "NinthConcerns", 8, 1 },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void Batch_stays_at_its_recall_and_false_flags(string batch, int caughtFloor, int falseFlagCeiling)
    {
        var (posts, harmless) = batch switch
        {
            "FreshConcerns" => (FreshConcerns, FreshHarmless),
            "UnseenConcerns" => (UnseenConcerns, UnseenHarmless),
            "LastConcerns" => (LastConcerns, LastHarmless),
            "FinalConcerns" => (FinalConcerns, FinalHarmless),
            "SixthConcerns" => (SixthConcerns, SixthHarmless),
            "SeventhConcerns" => (SeventhConcerns, SeventhHarmless),
            "EighthConcerns" => (EighthConcerns, EighthHarmless),
            "NinthConcerns" => (NinthConcerns, NinthHarmless),
            _ => throw new ArgumentOutOfRangeException(nameof(batch), batch, null),
        };
        var (caught, missed, wrong) = Measure(posts, harmless);
        Assert.True(caught >= caughtFloor && wrong.Count <= falseFlagCeiling,
            $"{batch}: caught {caught}/{posts.Length}; missed: {string.Join(" | ", missed)}\nfalse flags {wrong.Count}: {string.Join(" | ", wrong)}");
    }
}
