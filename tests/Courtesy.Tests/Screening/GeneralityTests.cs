using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Screening;

/// <summary>Guards against tuning the cue lists to the posts they were developed on: the dev set's
/// figures mean little if they come from phrases copied out of its posts.</summary>
public class GeneralityTests
{

    private static EvaluationReport Evaluate(string set)
    {
        var (school, roster, posts) = Evaluation.LoadSet(set);
        var pack = new PolicyLibrary(Path.Combine(Repo.Root, "policies")).Get("default");
        var engine = ScreeningEngine.Build(school, roster, pack.CategoryIds, ShippedModels.Options);
        return Evaluation.Run(engine, posts, pack.CategoryIds);
    }

    /// <summary>
    /// Each held-out school (tests/Courtesy.Tests/Screening/HeldOut*, written before its author read the
    /// rules, then run once; the first-run figures are in each set's README) stays above floors a little
    /// under its figures after the rules were generalised from the misses of all the sets. The floors are
    /// tuned figures: they guard against a change that helps one school's posts by hurting another's and
    /// against losing the general rules, not against overfitting; the unseen first runs are the estimate
    /// for a new school. Each row was checked to fail when its floors are raised above the measured figures.
    /// </summary>
    [Theory]
    //          set         posts clean macro-F1 police false  recall in every text category
    [InlineData("HeldOut",  120,  40,   0.88,    0.93,  3,     0.50)] // Ashgrove: 0.904 / 0.957 / 1
    [InlineData("HeldOut2", 150,  50,   0.90,    0.91,  2,     0.60)] // Fernhill: 0.933 / 0.958 / 0
    [InlineData("HeldOut3", 170,  55,   0.94,    0.95,  2,     0.80)] // Thornbury Moor: 0.971 / 1.000 / 0
    [InlineData("HeldOut4", 170,  55,   0.91,    0.95,  2,     0.60)] // St Teilo's: 0.938 / 1.000 / 0
    [InlineData("HeldOut5", 165,  55,   0.84,    0.84,  3,     0.35)] // St Botolph's: 0.865 / 0.867 / 3
    [InlineData("HeldOut6", 150,  50,   0.84,    0.90,  2,     0.40)] // Gullhaven: 0.852 / 0.917 / 2 (1 after the HeldOut9-11 pass)
    // HeldOut7 was blind until 2026-11-21 (first runs 0.727-0.729 / 0.622 / 1) and has been tuned on since: a working set now
    [InlineData("HeldOut7", 175,  55,   0.84,    0.84,  1,     0.65)] // Kestrel Vale: 0.863 / 0.867 / 0
    // HeldOut8 was written blind on 2026-11-21 and is kept blind (first run 0.726 / 0.545 / 2, rules alone); its
    // floors sit under its second unseen run, with the category model, which was not trained or tuned on it
    [InlineData("HeldOut8", 175,  55,   0.76,    0.79,  1,     0.48)] // Larkfen Federation: 0.765 / 0.705 / 2; 0.764 / 0.705 / 1 after the second session's rule pass; 0.790 / 0.818 / 1 after the third session's retraining
    // HeldOut9-11 were written without reading the rules and run once (unseen: 0.747 / 0.681 / 2, 0.716 / 0.705 / 7,
    // 0.705 / 0.620 / 6); the category model has been trained on them since, so these floors are in-sample for it
    [InlineData("HeldOut9", 175,  55,   0.86,    0.85,  0,     0.50)] // St Columba's: 0.879 / 0.851 / 0; 0.884 / 0.872 / 0 after the safeguarding and threat pass
    [InlineData("HeldOut10", 175, 55,   0.86,    0.88,  0,     0.50)] // Brackenridge: 0.864 / 0.841 / 4; 0.881 / 0.909 / 2 after it; 0.884 / 0.909 / 0 after the names-in-titles pass
    [InlineData("HeldOut11", 175, 55,   0.84,    0.86,  0,     0.50)] // Shepway Coast: 0.842 / 0.780 / 2; 0.865 / 0.880 / 0 after it
    // HeldOut12 and HeldOut13 were written blind in the second session of 2026-11-21 and kept blind (first runs
    // 0.665 / 0.490 / 10 and 0.670 / 0.600 / 7, before that session's rule pass and safeguarding model); floors under
    // their figures after it. They show how far a school whose parents write slang or dialect sits below the others.
    // After the slang and dialect pass and the models retrained with HeldOut14-15, HeldOut12 lost an obscene post
    // (3 to 2 of 7) and HeldOut13 a police-threshold post (27 to 26 of 45): the floors follow, the loss is on record.
    // HeldOut12 is spent since the names-in-titles pass (a working set, read and tuned on): its false-alarm ceiling
    // follows that pass (8 to 5); HeldOut13 stays blind.
    // Third session of 2026-11-21: HeldOut12 spent (read and tuned on by the names-in-titles pass, trained on), the
    // models retrained with HeldOut12 and HeldOut18-22, and the algospeak, match-hyperbole and threat pass.
    [InlineData("HeldOut12", 175, 55,   0.78,    0.68,  5,     0.50)] // Leyside Academy, east London: 0.671 / 0.510 / 10 unseen; 0.663 / 0.529 / 5 after the names-in-titles pass; 0.805 / 0.706 / 5 trained on
    [InlineData("HeldOut13", 175, 55,   0.70,    0.64,  6,     0.40)] // Blackhaugh Colliery Primary, County Durham, blind: 0.670 / 0.600 / 7; 0.688 / 0.578 / 6; 0.717 / 0.667 / 6 after the third session
    // HeldOut14-15 were written without reading the rules and run once (unseen: 0.647 / 0.460 / 14, 0.667 / 0.625 / 12),
    // then tuned on (the slang and dialect pass) and trained on, so these floors are in-sample
    [InlineData("HeldOut14", 175, 55,   0.85,    0.84,  7,     0.65)] // Cresswell Park, Peckham: 0.853 / 0.840 / 14; 0.858 / 0.840 / 9 after the names-in-titles pass; 0.868 / 0.860 / 9; 0.869 / 0.860 / 7 after the false-alarm pass
    [InlineData("HeldOut15", 175, 55,   0.85,    0.92,  2,     0.45)] // Brackendale, Liverpool: 0.846 / 0.917 / 9; 0.854 / 0.917 / 3 after the names-in-titles pass; 0.867 / 0.938 / 2
    // HeldOut16-17 were written blind in the third session of 2026-11-21 and are kept blind (first runs, with the
    // models of the second session: 0.584 / 0.467 / 6 and 0.624 / 0.476 / 8). A Glasgow Catholic primary whose
    // families write Scots, and a Hertfordshire 11-18 whose parents write formally and insinuate: the lowest sets.
    [InlineData("HeldOut16", 175, 55,   0.60,    0.51,  6,     0.25)] // St Ternan's RC Primary, Glasgow: 0.617 / 0.533 / 6 after the third session
    [InlineData("HeldOut17", 175, 55,   0.64,    0.50,  8,     0.25)] // Kingsholt Academy, Hertfordshire: 0.657 / 0.524 / 8 after it
    // HeldOut18-22 were written without reading the rules and run once (unseen: 0.761 / 0.891 / 14, 0.750 / 0.784 / 9,
    // 0.661 / 0.591 / 4, 0.673 / 0.578 / 8, 0.678 / 0.566 / 8), then trained on and tuned on (the algospeak,
    // match-hyperbole and threat pass): in-sample floors
    [InlineData("HeldOut18", 175, 55,   0.86,    0.93,  8,     0.50)] // Abergolau Comprehensive, South Wales valleys: 0.880 / 0.957 / 11; 0.882 / 0.957 / 8 after the false-alarm pass
    [InlineData("HeldOut19", 175, 55,   0.84,    0.92,  5,     0.70)] // Greyholme Academy, Bradford: 0.859 / 0.941 / 8; 0.863 / 0.941 / 5 after the false-alarm pass
    [InlineData("HeldOut20", 175, 55,   0.80,    0.81,  3,     0.45)] // Bridgewell Integrated Primary, Belfast: 0.823 / 0.841 / 3
    [InlineData("HeldOut21", 175, 55,   0.78,    0.77,  4,     0.50)] // Netherfold Primary Academy, Tipton: 0.801 / 0.800 / 6; 0.805 / 0.800 / 4 after the false-alarm pass
    [InlineData("HeldOut22", 175, 55,   0.85,    0.84,  8,     0.65)] // a Midlands 11-16 whose pupils write algospeak: 0.869 / 0.868 / 8 (7 after the false-alarm pass, 8 again once a council named in passing no longer clears a grievance)
    // HeldOut23-34 were written without reading the rules and run once (unseen: HeldOut23-28 0.716 / 0.698 / 8, 0.687 /
    // 0.489 / 11, 0.733 / 0.771 / 11, 0.646 / 0.690 / 3, 0.713 / 0.652 / 12, 0.726 / 0.761 / 13; HeldOut29-34 0.726 /
    // 0.696 / 8, 0.729 / 0.660 / 8, 0.772 / 0.830 / 9, 0.696 / 0.583 / 5, 0.719 / 0.568 / 7, 0.579 / 0.438 / 5), then
    // trained on (HeldOut23-28 also tuned on by the false-alarm pass): in-sample floors
    [InlineData("HeldOut23", 175, 55,   0.81,    0.79,  3,     0.60)] // Porthvennor Primary, Cornwall: 0.829 / 0.814 / 3
    [InlineData("HeldOut24", 175, 55,   0.83,    0.69,  5,     0.55)] // Auchterbrae Academy, Aberdeenshire: 0.846 / 0.711 / 5
    [InlineData("HeldOut25", 175, 55,   0.84,    0.85,  9,     0.65)] // Kestrel House, alternative provision: 0.857 / 0.875 / 9
    [InlineData("HeldOut26", 175, 55,   0.81,    0.86,  3,     0.45)] // Lydcombe Abbey, Cotswolds boarding: 0.827 / 0.881 / 3
    [InlineData("HeldOut27", 175, 55,   0.82,    0.80,  9,     0.55)] // Larkmead Primary, east London: 0.840 / 0.826 / 9
    [InlineData("HeldOut28", 175, 55,   0.82,    0.87,  8,     0.65)] // Alderthorpe Lane Primary, Leeds: 0.844 / 0.891 / 8
    [InlineData("HeldOut29", 175, 55,   0.80,    0.74,  6,     0.55)] // St Guthlac's CE Primary, Lincolnshire: 0.820 / 0.761 / 6
    [InlineData("HeldOut30", 175, 55,   0.81,    0.83,  8,     0.50)] // Kingsmere Girls' School, Birmingham: 0.831 / 0.851 / 8
    [InlineData("HeldOut31", 175, 55,   0.81,    0.89,  9,     0.50)] // Ysgol Gymraeg Nant Caerwg, Cardiff: 0.829 / 0.915 / 9
    [InlineData("HeldOut32", 175, 55,   0.84,    0.77,  5,     0.65)] // Marlowe Park Sixth Form College, Manchester: 0.857 / 0.792 / 5
    [InlineData("HeldOut33", 175, 55,   0.80,    0.70,  6,     0.50)] // St Bernadette's, Cheshire: 0.816 / 0.727 / 6
    [InlineData("HeldOut34", 175, 55,   0.70,    0.64,  5,     0.33)] // Castlemere Bay Academy, Kent coast: 0.723 / 0.667 / 5
    public void Held_out_school_stays_above_its_floors(string set, int posts, int clean, double macroF1, double police, int falseAlarms, double recall)
    {
        var report = Evaluate(Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", set));
        Assert.True(report.Outcomes.Count >= posts, $"{set}: {report.Outcomes.Count} posts");
        Assert.True(report.CleanPosts >= clean, $"{set}: {report.CleanPosts} clean posts");
        Assert.Equal(12, report.Categories.Count(c => !c.FromMetadata && c.Support > 0));
        Assert.True(report.MacroF1Text >= macroF1, $"{set} macro-F1 {report.MacroF1Text:0.000}");
        Assert.True(report.PoliceRecall >= police, $"{set} police recall {report.PoliceRecall:0.000}");
        Assert.True(report.FalseAlarms.Count <= falseAlarms, $"{report.FalseAlarms.Count} {set} false alarms: {string.Join(", ", report.FalseAlarms.Select(f => f.Post.Id))}");
        // Every text detector finds something on another school's posts.
        foreach (var c in report.Categories.Where(c => !c.FromMetadata && c.Support > 0))
            Assert.True(c.Recall >= recall, $"{c.Id} recall {c.Recall:0.000} on {set}");
    }

    /// <summary>The sets that label safeguarding concerns: most of them are flagged, and few other posts are.</summary>
    [Theory]
    //          set         labelled  caught at least  other posts flagged at most
    [InlineData("HeldOut7", 5,        4,               2)] // Kestrel Vale: 5 of 5, 1 other
    [InlineData("HeldOut8", 7,        6,               2)] // Larkfen Federation, unseen: 5 of 7, 2 others; 7 of 7, 2 others after the second session's pass
    [InlineData("HeldOut9", 6,        5,               1)] // St Columba's: 4 of 6, 1 other; 6 of 6, none after the safeguarding and threat pass
    [InlineData("HeldOut10", 6,       5,               1)] // Brackenridge: 5 of 6; 6 of 6 after it
    [InlineData("HeldOut11", 9,       8,               2)] // Shepway Coast: 5 of 9; 9 of 9, 1 other after it
    [InlineData("HeldOut12", 7,       6,               2)] // Leyside Academy: 3 of 7 unseen; 6 of 7, 3 others after the pass (2 after the slang pass); spent and trained on: 7 of 7, 2 others
    [InlineData("HeldOut13", 9,       5,               1)] // Blackhaugh Colliery Primary, blind: 1 of 9 unseen; 4 of 9, 1 other after the pass; 6 of 9, none after the third session
    [InlineData("HeldOut14", 8,       8,               1)] // Cresswell Park: 6 of 8 unseen; 8 of 8, 1 other (in-sample for the safeguarding model)
    [InlineData("HeldOut15", 9,       9,               1)] // Brackendale: 5 of 9 unseen; 9 of 9, 1 other (in-sample)
    [InlineData("HeldOut16", 7,       5,               1)] // St Ternan's, blind: 5 of 7, none, unseen and after the third session
    [InlineData("HeldOut17", 9,       7,               2)] // Kingsholt Academy, blind: 8 of 9, 2 others unseen; 8 of 9, 1 other after
    [InlineData("HeldOut18", 8,       8,               3)] // Abergolau: 7 of 8, 5 others unseen; 8 of 8, 3 others (in-sample)
    [InlineData("HeldOut19", 11,      10,              1)] // Greyholme: 8 of 11 unseen; 11 of 11, none (in-sample)
    [InlineData("HeldOut20", 8,       7,               1)] // Bridgewell: 6 of 8 unseen; 8 of 8, none (in-sample)
    [InlineData("HeldOut21", 8,       7,               2)] // Netherfold: 7 of 8, 3 others unseen; 8 of 8, 1 other (in-sample)
    [InlineData("HeldOut22", 16,      15,              3)] // algospeak 11-16: 7 of 16, 4 others unseen; 16 of 16, 3 others (in-sample)
    [InlineData("HeldOut23", 7,       7,               1)] // Porthvennor: 7 of 7 unseen; 7 of 7, none (in-sample)
    [InlineData("HeldOut24", 10,      9,               2)] // Auchterbrae: 9 of 10, 1 other unseen; 10 of 10, 1 other
    [InlineData("HeldOut25", 14,      13,              4)] // Kestrel House: 10 of 14, 4 others unseen; 14 of 14, 4 others
    [InlineData("HeldOut26", 11,      10,              5)] // Lydcombe Abbey: 7 of 11, 5 others unseen; 11 of 11, 5 others
    [InlineData("HeldOut27", 9,       8,               1)] // Larkmead: 6 of 9, 1 other unseen; 9 of 9, none
    [InlineData("HeldOut28", 7,       7,               2)] // Alderthorpe Lane: 6 of 7, 4 others unseen; 7 of 7, 2 others
    [InlineData("HeldOut29", 12,      11,              1)] // St Guthlac's: 7 of 12 unseen; 12 of 12, none
    [InlineData("HeldOut30", 10,      9,               1)] // Kingsmere: 6 of 10, 1 other unseen; 10 of 10, 1 other
    [InlineData("HeldOut31", 7,       7,               2)] // Nant Caerwg: 5 of 7, 2 others unseen; 7 of 7, 2 others
    [InlineData("HeldOut32", 10,      9,               2)] // Marlowe Park: 8 of 10, 2 others unseen; 10 of 10, 2 others
    [InlineData("HeldOut33", 9,       8,               1)] // St Bernadette's: 7 of 9, 1 other unseen; 9 of 9, 1 other
    [InlineData("HeldOut34", 9,       8,               1)] // Castlemere Bay: 5 of 9 unseen; 9 of 9, none
    public void Safeguarding_posts_of_a_held_out_school_are_flagged(string set, int labelled, int caught, int others)
    {
        var report = Evaluate(Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", set));
        Assert.Equal(labelled, report.SafeguardingPosts);
        Assert.True(report.SafeguardingCaught >= caught, $"{set} safeguarding: {report.SafeguardingCaught} of {report.SafeguardingPosts}");
        Assert.True(report.SafeguardingFlagged - report.SafeguardingCaught <= others, $"{set} safeguarding flagged on {report.SafeguardingFlagged - report.SafeguardingCaught} other posts");
    }

    [Fact]
    public void No_cue_phrase_is_copied_from_a_single_dev_post()
    {
        var (school, roster, posts) = Evaluation.LoadSet(Repo.DevSet);
        var engine = ScreeningEngine.Build(school, roster, Categories.All.Select(c => c.Id));
        var audit = CueAudit.Run(engine, Lexicons.Default, posts);
        Assert.True(audit.PhrasesMatched > 300, $"only {audit.PhrasesMatched} phrases matched: the audit is not reading the posts");
        Assert.True(audit.Unjustified.Count == 0,
            "cue phrases that match one dev post only: " + string.Join("; ", audit.Unjustified.Select(u => $"{u.Cue} '{u.Phrase}' ({u.PostIds[0]})")));
    }

    [Fact]
    public void Audit_lists_a_phrase_copied_from_one_post_unless_it_is_marked_as_an_idiom()
    {
        var lex = Lexicons.Default;
        var copied = (Cue.ThreatPhrase, "through the wall of the hall");
        var idiom = (Cue.ThreatPhrase, "watch your back");
        var withCopies = new Lexicons
        {
            Cues = [.. lex.Cues, copied, (Cue.Insult, "a right old mess")],
            Profanity = lex.Profanity,
            CommonWords = lex.CommonWords,
            Idioms = new Dictionary<(Cue, string), string> { [idiom] = "idiom" },
        };
        var engine = ScreeningEngine.Build(TestSchool.School, TestSchool.Roster, Categories.All.Select(c => c.Id), new ScreeningOptions { Lexicons = withCopies });
        Post[] posts =
        [
            new() { Id = "a", Text = "I'll put him through the wall of the hall" },
            new() { Id = "b", Text = "Mr Okafor better watch your back" },
            new() { Id = "c", Text = "the hall is a right old mess" },
            new() { Id = "d", Text = "the car park is a right old mess again" },
        ];
        var audit = CueAudit.Run(engine, withCopies, posts);
        var listed = audit.SinglePost.Select(u => (u.Cue, u.Phrase)).ToList();
        Assert.Contains(copied, listed);
        Assert.Equal(["a"], audit.SinglePost.Single(u => (u.Cue, u.Phrase) == copied).PostIds);
        Assert.Contains(copied, audit.Unjustified.Select(u => (u.Cue, u.Phrase)));
        // Marked as an idiom: listed, but not as a copy.
        Assert.Contains(idiom, listed);
        Assert.DoesNotContain(idiom, audit.Unjustified.Select(u => (u.Cue, u.Phrase)));
        // Two posts: not a copy of either.
        Assert.DoesNotContain((Cue.Insult, "a right old mess"), listed);
    }

    [Fact]
    public void Cues_tsv_third_column_is_read_as_the_reason_a_phrase_is_kept()
    {
        var dir = Directory.CreateTempSubdirectory("courtesy-lex-");
        try
        {
            var lexDir = Directory.CreateDirectory(Path.Combine(dir.FullName, "lexicons")).FullName;
            File.WriteAllLines(Path.Combine(lexDir, "cues.tsv"), ["# comment", "ThreatPhrase\twatch your back\tidiom: a well-known threat", "Insult\tidiot"]);
            File.WriteAllLines(Path.Combine(lexDir, "profanity.txt"), ["shit"]);
            File.WriteAllLines(Path.Combine(lexDir, "common-words.txt"), ["rose"]);
            var lex = Lexicons.Load(dir.FullName);
            Assert.Equal([(Cue.ThreatPhrase, "watch your back"), (Cue.Insult, "idiot")], lex.Cues);
            Assert.Equal("idiom: a well-known threat", lex.Idioms[(Cue.ThreatPhrase, "watch your back")]);
            Assert.False(lex.Idioms.ContainsKey((Cue.Insult, "idiot")));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    // ----- the general rules that replaced phrases copied from dev posts (Oakfield roster) -----

    private static bool Has(string category, string text, params string[] own) => TestSchool.Screen(text, own).Categories.Contains(category);

    [Theory]
    [InlineData("Day 47 of asking Mr Okafor why my son was kept in at lunch")]
    [InlineData("Round 5: Mrs Hetherington still hasn't replied, she can't hide forever")]
    [InlineData("day 3 of posting this until the head answers me")]
    public void A_numbered_series_aimed_at_someone_is_harassment_whatever_the_number(string text) =>
        Assert.True(Has(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("Day 4 of half term and I've run out of ideas")]
    [InlineData("day 1 of the new term, all went well")]
    [InlineData("Part 2 of the Christmas fair photos are up on the website")]
    public void A_numbered_diary_is_not_harassment(string text) => Assert.False(Has(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("everyone just block Dawn Moss, she's trouble")]
    [InlineData("Ignore Gary Reid at pick up tomorrow, all of you")]
    [InlineData("we're not inviting Kayden to anything again")]
    [InlineData("Block and blank the SENCO at the gate")]
    public void A_shunning_verb_with_a_person_after_it_is_a_call_to_shun(string text) =>
        Assert.True(Has(Categories.Cyberbullying, text), text);

    [Theory]
    [InlineData("just ignore the rain and come to sports day anyway")]
    [InlineData("they're putting block paving on the playground")]
    [InlineData("Sorry I missed your call Dawn Moss, I'll ring you back")]
    public void A_shunning_verb_with_nobody_after_it_is_not(string text) => Assert.False(Has(Categories.Cyberbullying, text), text);

    [Fact]
    public void A_postcode_is_personal_when_it_is_someone_s_and_not_when_it_is_a_public_place()
    {
        Assert.True(Has(Categories.PersonalInformation, "Mr Okafor lives near the park, WX3 4PL, if anyone wants a word"));
        Assert.True(Has(Categories.PersonalInformation, "her postcode is WX3 4PL"));
        Assert.False(Has(Categories.PersonalInformation, "The summer fete is at Wexley Park, WX1 2AB, parking at the side"));
    }

    [Fact]
    public void A_national_group_run_down_in_its_work_is_racist_but_a_neutral_mention_is_not()
    {
        Assert.True(Has(Categories.RacistComment, "Polish teachers shouldn't be teaching our kids phonics"));
        Assert.False(Has(Categories.RacistComment, "The new Polish teacher is lovely, Marcus adores her", "Marcus Reid"));
    }

    [Fact]
    public void Knocking_someone_out_is_a_threat_only_as_an_intention()
    {
        Assert.True(Has(Categories.ThreatOfViolence, "If Gary Reid says that again I'll knock him out"));
        Assert.False(Has(Categories.ThreatOfViolence, "The cough medicine should knock him out for the night", "Marcus Reid"));
    }

    [Fact]
    public void Shouldnt_be_anywhere_near_is_a_stem_for_the_whole_family()
    {
        Assert.True(Has(Categories.DefamatoryStatement, "Mr Okafor shouldn't be anywhere near a school"));
        Assert.True(Has(Categories.DefamatoryStatement, "That TA should not be anywhere near vulnerable kids"));
    }
}
