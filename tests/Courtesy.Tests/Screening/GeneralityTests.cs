using Courtesy.Policies;
using Courtesy.Schools;
using Courtesy.Screening;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Screening;

/// <summary>Guards against tuning the cue lists to the posts they were developed on: the dev set's
/// figures mean little if they come from phrases copied out of its posts.</summary>
public class GeneralityTests
{
    private static string HeldOutSet => Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut");
    private static string HeldOut2Set => Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut2");
    private static string HeldOut3Set => Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut3");
    private static string HeldOut4Set => Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut4");
    private static string HeldOut5Set => Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut5");
    private static string HeldOut6Set => Path.Combine(Repo.Root, "tests", "Courtesy.Tests", "Screening", "HeldOut6");

    private static EvaluationReport Evaluate(string set)
    {
        var (school, roster, posts) = Evaluation.LoadSet(set);
        var pack = new PolicyLibrary(Path.Combine(Repo.Root, "policies")).Get("default");
        var engine = ScreeningEngine.Build(school, roster, pack.CategoryIds, new ScreeningOptions { Model = LinearModel.LoadDefault(Path.Combine(Repo.Root, "data")) });
        return Evaluation.Run(engine, posts, pack.CategoryIds);
    }

    /// <summary>The held-out school (Ashgrove, written before the engine was run on it) stays above
    /// floors a little under what was measured after two passes of general rules chosen partly from its
    /// misses (macro-F1 0.885, police recall 0.935, 1 false alarm of 58): a change that helps the dev
    /// set by hurting another school's posts fails here.</summary>
    [Fact]
    public void Held_out_set_stays_above_its_floors()
    {
        var report = Evaluate(HeldOutSet);
        Assert.True(report.Outcomes.Count >= 120, $"{report.Outcomes.Count} posts");
        Assert.True(report.CleanPosts >= 40, $"{report.CleanPosts} clean posts");
        Assert.Equal(12, report.Categories.Count(c => !c.FromMetadata && c.Support > 0));
        Assert.True(report.MacroF1Text >= 0.86, $"held-out macro-F1 {report.MacroF1Text:0.000}");
        Assert.True(report.PoliceRecall >= 0.91, $"held-out police recall {report.PoliceRecall:0.000}");
        Assert.True(report.FalseAlarms.Count <= 3, $"{report.FalseAlarms.Count} held-out false alarms: {string.Join(", ", report.FalseAlarms.Select(f => f.Post.Id))}");
        // Every text detector finds something on another school's posts.
        foreach (var c in report.Categories.Where(c => !c.FromMetadata && c.Support > 0))
            Assert.True(c.Recall >= 0.5, $"{c.Id} recall {c.Recall:0.000} on the held-out set");
    }

    /// <summary>The third school (Fernhill, 183 posts, written before the cue lists and rules were read
    /// for that pass). Its first run was macro-F1 0.592, police recall 0.354, 4 false alarms of 55; the
    /// rules written from the misses of all three sets bring it to 0.906, 0.938 and 0. These floors sit a
    /// little below that, so the figures are tuned ones, not unseen ones: they guard against losing
    /// the general rules, not against overfitting.</summary>
    [Fact]
    public void Second_held_out_set_stays_above_its_floors()
    {
        var report = Evaluate(HeldOut2Set);
        Assert.True(report.Outcomes.Count >= 150, $"{report.Outcomes.Count} posts");
        Assert.True(report.CleanPosts >= 50, $"{report.CleanPosts} clean posts");
        Assert.Equal(12, report.Categories.Count(c => !c.FromMetadata && c.Support > 0));
        Assert.True(report.MacroF1Text >= 0.88, $"HeldOut2 macro-F1 {report.MacroF1Text:0.000}");
        Assert.True(report.PoliceRecall >= 0.91, $"HeldOut2 police recall {report.PoliceRecall:0.000}");
        Assert.True(report.FalseAlarms.Count <= 2, $"{report.FalseAlarms.Count} HeldOut2 false alarms: {string.Join(", ", report.FalseAlarms.Select(f => f.Post.Id))}");
        foreach (var c in report.Categories.Where(c => !c.FromMetadata && c.Support > 0))
            Assert.True(c.Recall >= 0.6, $"{c.Id} recall {c.Recall:0.000} on HeldOut2");
    }

    /// <summary>The fourth school (Thornbury Moor, 182 posts, written before the rules, cue lists and other
    /// held-out sets were read for that pass). Its first run was macro-F1 0.668, police recall 0.604, 1 false
    /// alarm of 58; the rules written from the misses of all four sets bring it to 0.943, 0.938 and 1. The
    /// floors sit a little below those tuned figures and guard against losing the rules, not against
    /// overfitting: the unseen figure for a fifth school is the one to expect.</summary>
    [Fact]
    public void Third_held_out_set_stays_above_its_floors()
    {
        var report = Evaluate(HeldOut3Set);
        Assert.True(report.Outcomes.Count >= 170, $"{report.Outcomes.Count} posts");
        Assert.True(report.CleanPosts >= 55, $"{report.CleanPosts} clean posts");
        Assert.Equal(12, report.Categories.Count(c => !c.FromMetadata && c.Support > 0));
        Assert.True(report.MacroF1Text >= 0.92, $"HeldOut3 macro-F1 {report.MacroF1Text:0.000}");
        Assert.True(report.PoliceRecall >= 0.91, $"HeldOut3 police recall {report.PoliceRecall:0.000}");
        Assert.True(report.FalseAlarms.Count <= 2, $"{report.FalseAlarms.Count} HeldOut3 false alarms: {string.Join(", ", report.FalseAlarms.Select(f => f.Post.Id))}");
        foreach (var c in report.Categories.Where(c => !c.FromMetadata && c.Support > 0))
            Assert.True(c.Recall >= 0.8, $"{c.Id} recall {c.Recall:0.000} on HeldOut3");
    }

    /// <summary>The fifth school (St Teilo's, a Church in Wales junior school, 173 posts, written before the
    /// rules, cue lists and other held-out sets were read for that pass). Its first run was macro-F1 0.765,
    /// police recall 0.702, 2 false alarms of 56; the rules written from the misses of all five sets bring
    /// it to 0.926, 1.000 and 0. The floors sit a little below those tuned figures and guard against losing
    /// the rules, not against overfitting: the unseen figure for a sixth school is the one to expect.</summary>
    [Fact]
    public void Fourth_held_out_set_stays_above_its_floors()
    {
        var report = Evaluate(HeldOut4Set);
        Assert.True(report.Outcomes.Count >= 170, $"{report.Outcomes.Count} posts");
        Assert.True(report.CleanPosts >= 55, $"{report.CleanPosts} clean posts");
        Assert.Equal(12, report.Categories.Count(c => !c.FromMetadata && c.Support > 0));
        Assert.True(report.MacroF1Text >= 0.90, $"HeldOut4 macro-F1 {report.MacroF1Text:0.000}");
        Assert.True(report.PoliceRecall >= 0.95, $"HeldOut4 police recall {report.PoliceRecall:0.000}");
        Assert.True(report.FalseAlarms.Count <= 2, $"{report.FalseAlarms.Count} HeldOut4 false alarms: {string.Join(", ", report.FalseAlarms.Select(f => f.Post.Id))}");
        foreach (var c in report.Categories.Where(c => !c.FromMetadata && c.Support > 0))
            Assert.True(c.Recall >= 0.6, $"{c.Id} recall {c.Recall:0.000} on HeldOut4");
    }

    /// <summary>The sixth held-out school (St Botolph's, a Norfolk village primary, 170 posts, written before
    /// the rules, cue lists and other held-out sets were read for that pass). Its first run was macro-F1 0.777,
    /// police recall 0.689, 3 false alarms of 57; the cue families added from its police misses bring it to
    /// 0.800 and 0.800 (checked to fail at 0.95), and the seventh school's families to 0.816 and 0.844. The floors guard those families; allegation, defamation and complaints are still
    /// weak on it (recall under 0.55), so the per-category floor is low.</summary>
    [Fact]
    public void Fifth_held_out_set_stays_above_its_floors()
    {
        var report = Evaluate(HeldOut5Set);
        Assert.True(report.Outcomes.Count >= 165, $"{report.Outcomes.Count} posts");
        Assert.True(report.CleanPosts >= 55, $"{report.CleanPosts} clean posts");
        Assert.Equal(12, report.Categories.Count(c => !c.FromMetadata && c.Support > 0));
        Assert.True(report.MacroF1Text >= 0.80, $"HeldOut5 macro-F1 {report.MacroF1Text:0.000}");
        Assert.True(report.PoliceRecall >= 0.82, $"HeldOut5 police recall {report.PoliceRecall:0.000}");
        Assert.True(report.FalseAlarms.Count <= 3, $"{report.FalseAlarms.Count} HeldOut5 false alarms: {string.Join(", ", report.FalseAlarms.Select(f => f.Post.Id))}");
        foreach (var c in report.Categories.Where(c => !c.FromMetadata && c.Support > 0))
            Assert.True(c.Recall >= 0.35, $"{c.Id} recall {c.Recall:0.000} on HeldOut5");
    }

    /// <summary>The sixth held-out set (Gullhaven, a Cornish harbour-town infant-and-junior school, 155
    /// posts, written before the rules, cue lists and other held-out sets were read for that pass). Its first
    /// run was macro-F1 0.761, police recall 0.750, 4 false alarms (0.778 / 0.750 / 2 after fixing labels that
    /// broke the dev conventions); the threat, pile-on and misconduct families from its misses and HeldOut5's
    /// bring it to 0.844 / 0.889 / 2 (checked to fail at 0.95). Floors a little under that guard them.</summary>
    [Fact]
    public void Sixth_held_out_set_stays_above_its_floors()
    {
        var report = Evaluate(HeldOut6Set);
        Assert.True(report.Outcomes.Count >= 150, $"{report.Outcomes.Count} posts");
        Assert.True(report.CleanPosts >= 50, $"{report.CleanPosts} clean posts");
        Assert.Equal(12, report.Categories.Count(c => !c.FromMetadata && c.Support > 0));
        Assert.True(report.MacroF1Text >= 0.83, $"HeldOut6 macro-F1 {report.MacroF1Text:0.000}");
        Assert.True(report.PoliceRecall >= 0.88, $"HeldOut6 police recall {report.PoliceRecall:0.000}");
        Assert.True(report.FalseAlarms.Count <= 3, $"{report.FalseAlarms.Count} HeldOut6 false alarms: {string.Join(", ", report.FalseAlarms.Select(f => f.Post.Id))}");
        foreach (var c in report.Categories.Where(c => !c.FromMetadata && c.Support > 0))
            Assert.True(c.Recall >= 0.40, $"{c.Id} recall {c.Recall:0.000} on HeldOut6");
    }

    /// <summary>Every cue phrase of three or more words that matches exactly one dev post is either gone
    /// or justified in cues.tsv's third column as an idiom or a common phrase.</summary>
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
