using System.Globalization;

namespace Redress.Coaching;

/// <summary>One labelled customer message of the tone set (eval/tone/*.tsv).</summary>
public sealed record ToneExample(string Id, bool Negative, string Style, string Text);

/// <summary>One agent reply of the coaching set (eval/coaching/replies.tsv), with the pitfalls and moves it really has.</summary>
public sealed record ReplyExample(string Id, IReadOnlySet<string> Pitfalls, IReadOnlySet<string> Moves, string Text);

public sealed record DetectorCounts(string Name, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>Measures the tone score and the reply coach on the labelled sets kept in eval/.</summary>
public static class Evaluation
{
    /// <summary>Rows of a tab-separated file with a header; "\n" in a field stands for a line break.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadTsv(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split('\t');
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length != header.Length)
            {
                throw new FormatException($"'{line[..Math.Min(40, line.Length)]}...' has {fields.Length} fields; the header has {header.Length}.");
            }
            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
        }
    }

    public static IEnumerable<ToneExample> ReadToneSet(string tsv, string defaultStyle) => ReadTsv(tsv).Select(row => new ToneExample(
        row["id"],
        row["label"] switch { "negative" => true, "not_negative" => false, var other => throw new FormatException($"Unknown tone label '{other}'.") },
        row.GetValueOrDefault("style") ?? defaultStyle,
        row["text"]));

    /// <summary>
    /// The tone set as the majority of three readers has it: the label in the set (its first reader) and the two later
    /// blind readings of eval/tone/readers (rows of set, id, second_reader, third_reader; each "negative sure" or
    /// "not_negative unsure"). Every example must have its two readings.
    /// </summary>
    public static IReadOnlyList<ToneExample> ByMajority(IEnumerable<ToneExample> set, string readingsTsv)
    {
        var later = ReadTsv(readingsTsv).ToDictionary(row => row["id"], row => new[] { row["second_reader"], row["third_reader"] }.Count(reading =>
            reading.Split(' ')[0] switch { "negative" => true, "not_negative" => false, var other => throw new FormatException($"Unknown tone reading '{other}' for {row["id"]}.") }));
        return [.. set.Select(e => later.TryGetValue(e.Id, out var negatives)
            ? e with { Negative = negatives + (e.Negative ? 1 : 0) >= 2 }
            : throw new FormatException($"The tone readings have no row for {e.Id}."))];
    }

    /// <summary>The reply sets kept in eval/coaching: nothing is trained or chosen on them (eval/README.md).</summary>
    public static IReadOnlyList<string> UnseenReplies { get; } = ["replies-unseen.tsv"];

    /// <summary>The replies of the named files in an eval/coaching folder, one set after another.</summary>
    public static List<ReplyExample> ReadReplySets(string coachingFolder, IEnumerable<string> files) =>
        [.. files.SelectMany(f => ReadReplySet(File.ReadAllText(Path.Combine(coachingFolder, f))))];

    public static IEnumerable<ReplyExample> ReadReplySet(string tsv) => ReadTsv(tsv).Select(row => new ReplyExample(
        row["id"], Names(row["pitfalls"]), Names(row["moves"]), row["text"]));

    private static HashSet<string> Names(string list) => list == "none" ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The area under the ROC curve: the chance that a random positive scores above a random negative (ties count half).</summary>
    public static double RocAuc(IReadOnlyList<(double Score, bool Positive)> items)
    {
        var ranked = items.OrderBy(i => i.Score).ToList();
        var ranks = new double[ranked.Count];
        for (var i = 0; i < ranked.Count;)
        {
            var j = i;
            while (j + 1 < ranked.Count && ranked[j + 1].Score == ranked[i].Score)
            {
                j++;
            }
            for (var k = i; k <= j; k++)
            {
                ranks[k] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        var positives = ranked.Count(i => i.Positive);
        var negatives = ranked.Count - positives;
        var rankSum = ranked.Select((item, index) => item.Positive ? ranks[index] : 0).Sum();
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Precision and recall of the coach for each pitfall and each move on labelled replies.</summary>
    public static IEnumerable<DetectorCounts> MeasureCoach(ReplyCoach coach, IEnumerable<ReplyExample> examples)
    {
        var reviewed = examples.Select(e =>
        {
            var findings = coach.Review(e.Text);
            return (Example: e, Findings: findings, Moves: coach.MovesMade(e.Text, findings));
        }).ToList();
        foreach (var pitfall in Enum.GetValues<Playbooks.ReplyPitfall>())
        {
            var name = WireNames.Of(pitfall);
            yield return Count(name, reviewed.Select(r => (r.Example.Pitfalls.Contains(name), r.Findings.Any(f => f.Pitfall == pitfall))));
        }
        // Whether the reply commits either: a reply read as arguing where its writer saw blame is a miss for each but not
        // here. Since customer fault counts as both (eval/README.md), this is what is left where the two labels agree.
        Playbooks.ReplyPitfall[] blameOrArguing = [Playbooks.ReplyPitfall.Blame, Playbooks.ReplyPitfall.Arguing];
        yield return Count("blame or arguing", reviewed.Select(r => (blameOrArguing.Any(p => r.Example.Pitfalls.Contains(WireNames.Of(p))),
            r.Findings.Any(f => f.Pitfall is { } p && blameOrArguing.Contains(p)))));
        foreach (var move in Enum.GetValues<Playbooks.ReplyMove>())
        {
            var name = WireNames.Of(move);
            yield return Count("move " + name, reviewed.Select(r => (r.Example.Moves.Contains(name), r.Moves.Contains(move))));
        }
    }

    /// <summary>
    /// Each of <paramref name="sets"/> (sets the built-in model learns from) measured by a model trained on everything
    /// else, and a judge fit on every other set's out-of-sample readings: the honest reading of a set the coach would
    /// otherwise have seen.
    /// </summary>
    public static List<DetectorCounts> MeasureLeavingOut(IReadOnlyList<string> sets)
    {
        var perSet = sets.AsParallel().AsOrdered().Select(set =>
            MeasureCoach(new ReplyCoach(CoachingRules.BuiltIn, LeftOut.Value[set].Model, FitJudge(leaveOut: set)), SentenceModel.ReadTrainingReplies(set)).ToList()).ToList();
        return [.. perSet[0].Select((first, i) => new DetectorCounts(first.Name,
            perSet.Sum(c => c[i].TruePositives), perSet.Sum(c => c[i].FalsePositives), perSet.Sum(c => c[i].FalseNegatives)))];
    }

    /// <summary>
    /// The judge fit on every training reply as read by a model that never saw its set (all but <paramref name="leaveOut"/>'s);
    /// with none left out, the one Coaching/Data/reply-judge.tsv should hold.
    /// </summary>
    public static ReplyJudge FitJudge(string? leaveOut = null) =>
        ReplyJudge.Fit([.. LeftOut.Value.Where(s => s.Key != leaveOut).SelectMany(s => s.Value.Readings)]);

    /// <summary>
    /// For each set the built-in model learns from: a model trained without it, and each of its replies as that model
    /// reads it. Trained once per process, side by side (one per set, 25 models: about 45 s on two cores).
    /// </summary>
    private static readonly Lazy<Dictionary<string, (SentenceModel Model, List<(double[] Reading, IReadOnlySet<string> Pitfalls)> Readings)>> LeftOut = new(() =>
        SentenceModel.TrainingReplies.AsParallel().Select(set =>
        {
            var model = SentenceModel.TrainBuiltIn(leaveOut: set);
            return (Set: set, Model: model, Readings: SentenceModel.ReadTrainingReplies(set).Select(r => (ReplyJudge.Reading(model, r.Text), r.Pitfalls)).ToList());
        }).ToDictionary(s => s.Set, s => (s.Model, s.Readings)));

    /// <summary>
    /// Cohen's kappa for one label on the same replies labelled twice: 1 when the two readers always agree, 0 when
    /// they agree no more often than two readers guessing at the same rates would.
    /// </summary>
    public static double Kappa(IReadOnlyCollection<(bool First, bool Second)> pairs)
    {
        double n = pairs.Count, both = pairs.Count(p => p.First && p.Second), neither = pairs.Count(p => !p.First && !p.Second);
        double first = pairs.Count(p => p.First) / n, second = pairs.Count(p => p.Second) / n;
        var observed = (both + neither) / n;
        var chance = first * second + (1 - first) * (1 - second);
        return chance == 1 ? 1 : (observed - chance) / (1 - chance);
    }

    /// <summary>A second reader's pitfalls for a reply set (eval/coaching/second-reader): id, pitfalls, moves.</summary>
    public static Dictionary<string, IReadOnlySet<string>> ReadSecondReading(string tsv) =>
        ReadTsv(tsv).ToDictionary(row => row["id"], row => (IReadOnlySet<string>)Names(row["pitfalls"]));

    /// <summary>Half of the tone set (by a hash of the id) was looked at while tuning the cues; the other half was held out.</summary>
    public static bool IsDevelopment(string id) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id))[^1] % 2 == 0;

    /// <summary>The ROC AUC of the anger score on a subset of the tone set: all, short (chat, social), letters (letters, e-mail), held-out.</summary>
    public static (int Count, double Auc) ToneAuc(ToneAnalyzer tone, IEnumerable<ToneExample> set, string subset)
    {
        var examples = set.Where(e => subset switch
        {
            "letters" => e.Style is "letter" or "email",
            "short" => e.Style is "chat" or "social",
            "held-out" => !IsDevelopment(e.Id),
            _ => true,
        }).ToList();
        return (examples.Count, RocAuc([.. examples.Select(e => (tone.Read(e.Text).Score, e.Negative))]));
    }

    public static DetectorCounts Count(string name, IEnumerable<(bool Expected, bool Found)> outcomes)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (expected, found) in outcomes)
        {
            tp += expected && found ? 1 : 0;
            fp += !expected && found ? 1 : 0;
            fn += expected && !found ? 1 : 0;
        }
        return new DetectorCounts(name, tp, fp, fn);
    }

    public static string Format(DetectorCounts c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Name,-22} precision {c.Precision:F3}  recall {c.Recall:F3}  (tp {c.TruePositives}, fp {c.FalsePositives}, fn {c.FalseNegatives})");
}
