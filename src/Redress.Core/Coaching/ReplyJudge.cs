using System.Globalization;
using Redress.Playbooks;

namespace Redress.Coaching;

/// <summary>
/// The coach's reading of a whole draft: whether it carries each pitfall at all, judged from what the sentence model
/// says of every label, for the draft as a whole and for its likeliest sentence. Reading the labels together is the
/// point: a partner named in a reply that mostly hands the customer on is passing the buck, not blame; "sorry you feel
/// that way" beside a real fix is still hollow. One logistic regression per pitfall, fit on replies each read by a model
/// that never saw them (<see cref="Evaluation.FitJudge"/>), so it learns how the model reads new writing,
/// not how well it remembers its lessons. The built-in one is Coaching/Data/reply-judge.tsv, written by
/// <c>Redress.Web fit-reply-judge</c>.
/// </summary>
public sealed class ReplyJudge
{
    /// <summary>What the judge reads: the model's log-odds of each label for the whole draft, then for its likeliest sentence.</summary>
    public static IReadOnlyList<string> Features { get; } =
        [.. SentenceModel.LabelNames.Select(l => "whole:" + l), .. SentenceModel.LabelNames.Select(l => "sentence:" + l)];

    private static readonly IReadOnlyList<ReplyPitfall> Pitfalls = Enum.GetValues<ReplyPitfall>();

    /// <summary>Log-odds are capped so one overconfident label cannot outweigh the rest.</summary>
    private const double Cap = 12;

    private readonly double[] mean;
    private readonly double[] scale;
    /// <summary>Per pitfall: the bias, then one weight per feature (over features centred on <see cref="mean"/> and divided by <see cref="scale"/>).</summary>
    private readonly Dictionary<ReplyPitfall, double[]> weights;

    private ReplyJudge(double[] mean, double[] scale, Dictionary<ReplyPitfall, double[]> weights)
    {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    public static ReplyJudge BuiltIn => builtIn.Value;

    private static readonly Lazy<ReplyJudge> builtIn = new(() => Parse(CoachingData.Text("reply-judge.tsv")));

    /// <summary>The judge's features for a draft, from the model's chances for the whole of it and for each of its sentences.</summary>
    public static double[] Reading(IReadOnlyList<double> whole, IEnumerable<IReadOnlyList<double>> sentences)
    {
        var n = SentenceModel.LabelNames.Count;
        var reading = new double[2 * n];
        for (var l = 0; l < n; l++)
        {
            reading[l] = LogOdds(whole[l]);
            reading[n + l] = -Cap;
        }
        foreach (var chances in sentences)
        {
            for (var l = 0; l < n; l++)
            {
                reading[n + l] = Math.Max(reading[n + l], LogOdds(chances[l]));
            }
        }
        return reading;
    }

    /// <summary>The judge's features for a draft as <paramref name="model"/> reads it (labels in <see cref="SentenceModel.LabelNames"/> order).</summary>
    public static double[] Reading(SentenceModel model, string text)
    {
        var order = SentenceModel.LabelNames.Select(model.IndexOf).ToArray();
        IReadOnlyList<double> InOrder(double[] chances) => [.. order.Select(i => chances[i])];
        return Reading(InOrder(model.Probabilities(text)),
            SentenceModel.Sentences(text).Select(s => InOrder(model.Probabilities(text.Substring(s.Start, s.Length)))));
    }

    private static double LogOdds(double p) => Math.Clamp(Math.Log(p / (1 - p)), -Cap, Cap);

    /// <summary>The chance that a draft with this reading carries the pitfall.</summary>
    public double Chance(ReplyPitfall pitfall, double[] reading)
    {
        var w = weights[pitfall];
        var margin = w[0];
        for (var f = 0; f < reading.Length; f++)
        {
            margin += w[f + 1] * (reading[f] - mean[f]) / scale[f];
        }
        return 1 / (1 + Math.Exp(-margin));
    }

    public bool Carries(ReplyPitfall pitfall, double[] reading) => Chance(pitfall, reading) >= 0.5;

    /// <summary>
    /// Fits one L2-regularised logistic regression per pitfall by Newton's method: exact and the same every time, and
    /// quick, with a few thousand replies and two dozen features.
    /// </summary>
    public static ReplyJudge Fit(IReadOnlyList<(double[] Reading, IReadOnlySet<string> Pitfalls)> replies, double l2 = 1)
    {
        if (replies.Count == 0)
        {
            throw new ArgumentException("The judge needs replies to learn from.", nameof(replies));
        }
        var d = Features.Count;
        var mean = Enumerable.Range(0, d).Select(f => replies.Average(r => r.Reading[f])).ToArray();
        var scale = Enumerable.Range(0, d).Select(f => Math.Sqrt(replies.Average(r => Math.Pow(r.Reading[f] - mean[f], 2))) is var s && s > 1e-9 ? s : 1).ToArray();
        // Each row: 1 for the bias, then the standardised features.
        var x = replies.Select(r => (double[])[1, .. r.Reading.Select((v, f) => (v - mean[f]) / scale[f])]).ToArray();
        var weights = Pitfalls.ToDictionary(p => p, p =>
        {
            var name = WireNames.Of(p);
            return Newton(x, [.. replies.Select(r => r.Pitfalls.Contains(name) ? 1.0 : 0)], l2);
        });
        return new ReplyJudge(mean, scale, weights);
    }

    private static double[] Newton(double[][] x, double[] y, double l2)
    {
        var k = x[0].Length;
        var w = new double[k];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[k];
            var hessian = new double[k, k];
            for (var j = 1; j < k; j++)
            {
                gradient[j] = l2 * w[j];
                hessian[j, j] = l2;
            }
            foreach (var (row, target) in x.Zip(y))
            {
                var p = 1 / (1 + Math.Exp(-row.Select((v, j) => v * w[j]).Sum()));
                for (var i = 0; i < k; i++)
                {
                    gradient[i] += (p - target) * row[i];
                    for (var j = 0; j <= i; j++)
                    {
                        hessian[i, j] += p * (1 - p) * row[i] * row[j];
                    }
                }
            }
            var step = SolveSymmetric(hessian, gradient);
            for (var j = 0; j < k; j++)
            {
                w[j] -= step[j];
            }
            if (step.Max(Math.Abs) < 1e-10)
            {
                break;
            }
        }
        return w;
    }

    /// <summary>Solves H s = g by Cholesky, H symmetric positive definite with its lower triangle filled in.</summary>
    private static double[] SolveSymmetric(double[,] h, double[] g)
    {
        var k = g.Length;
        var lower = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[i, j];
                for (var m = 0; m < j; m++)
                {
                    sum -= lower[i, m] * lower[j, m];
                }
                lower[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / lower[j, j];
            }
        }
        var z = new double[k];
        for (var i = 0; i < k; i++)
        {
            var sum = g[i];
            for (var m = 0; m < i; m++)
            {
                sum -= lower[i, m] * z[m];
            }
            z[i] = sum / lower[i, i];
        }
        var s = new double[k];
        for (var i = k - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var m = i + 1; m < k; m++)
            {
                sum -= lower[m, i] * s[m];
            }
            s[i] = sum / lower[i, i];
        }
        return s;
    }

    /// <summary>The judge as a table: a row per feature (its mean, its scale, a weight per pitfall), after a bias row.</summary>
    public string Write()
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            "# The reply coach's judge of whole drafts (Redress.Coaching.ReplyJudge). Written by `dotnet run --project src/Redress.Web -- fit-reply-judge`; do not edit by hand.",
            string.Join('\t', ["feature", "mean", "scale", .. Pitfalls.Select(p => WireNames.Of(p))]),
            string.Join('\t', ["bias", "0", "1", .. Pitfalls.Select(p => N(weights[p][0]))]),
        };
        lines.AddRange(Features.Select((feature, f) => string.Join('\t', [feature, N(mean[f]), N(scale[f]), .. Pitfalls.Select(p => N(weights[p][f + 1]))])));
        return string.Join('\n', lines) + "\n";
    }

    public static ReplyJudge Parse(string tsv)
    {
        var rows = tsv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        string[] header = ["feature", "mean", "scale", .. Pitfalls.Select(p => WireNames.Of(p))];
        string[] features = ["bias", .. Features];
        if (rows.Count == 0 || !rows[0].SequenceEqual(header) || !rows.Skip(1).Select(r => r[0]).SequenceEqual(features) || rows.Any(r => r.Length != header.Length))
        {
            throw new FormatException($"A reply judge has a header of {string.Join(", ", header)} and a row for each of {string.Join(", ", features)}.");
        }
        static double N(string v) => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture);
        var body = rows.Skip(2).ToList();
        return new ReplyJudge([.. body.Select(r => N(r[1]))], [.. body.Select(r => N(r[2]))],
            Pitfalls.Select((p, i) => (p, (double[])[N(rows[1][3 + i]), .. body.Select(r => N(r[3 + i]))])).ToDictionary(t => t.p, t => t.Item2));
    }

    /// <summary>The largest difference between two judges' numbers, to tell whether a shipped judge is still the one the data gives.</summary>
    public double DistanceTo(ReplyJudge other) =>
        mean.Zip(other.mean, (a, b) => Math.Abs(a - b)).Concat(scale.Zip(other.scale, (a, b) => Math.Abs(a - b)))
            .Concat(Pitfalls.SelectMany(p => weights[p].Zip(other.weights[p], (a, b) => Math.Abs(a - b)))).Max();
}
