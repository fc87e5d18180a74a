namespace Redress.Coaching;

/// <summary>
/// A sentence of a reply and the labels it carries: pitfall and move wire names ("passing_the_buck", "apology").
/// Labels in <paramref name="Unknown"/> are neither here nor absent (a reply has them, but in which sentence is not known).
/// </summary>
public sealed record LabelledSentence(string Text, IReadOnlySet<string> Labels, IReadOnlySet<string>? Unknown = null);

/// <summary>
/// One logistic regression per label over the words of a sentence (words, pairs and triples of words, and word
/// stems). The regex rules catch the phrasings they were written for; this catches the
/// paraphrases they miss ("I'd have a word with the courier, they're the ones with your parcel"). Trained at load
/// from Coaching/Data (single labelled sentences and whole labelled replies), the same way every time, so a finding
/// does not change between runs. The coach asks it about each sentence and about the whole draft; the tone reader
/// trains one of its own, with the single label "negative", on whole customer messages.
/// </summary>
public sealed class SentenceModel
{
    private readonly string[] labels;
    /// <summary>Where each feature seen in training keeps its weights; a feature never seen weighs nothing.</summary>
    private readonly Dictionary<uint, int> vocabulary;
    /// <summary>Feature by feature, each label's weight side by side: one feature is one cache line, whatever the number of labels.</summary>
    private readonly float[] weights;
    private readonly float[] bias;

    private SentenceModel(string[] labels, Dictionary<uint, int> vocabulary, float[] weights, float[] bias)
    {
        this.labels = labels;
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.bias = bias;
    }

    public IReadOnlyList<string> Labels => labels;

    /// <summary>Every pitfall and move, by wire name.</summary>
    public static IReadOnlyList<string> LabelNames { get; } =
        [.. Enum.GetValues<Playbooks.ReplyPitfall>().Select(p => WireNames.Of(p)), .. Enum.GetValues<Playbooks.ReplyMove>().Select(m => WireNames.Of(m))];

    /// <summary>
    /// The model trained on everything shipped in Coaching/Data: the sentences of coach-sentences.tsv and the whole
    /// replies of <see cref="TrainingReplies"/> (a few seconds, once per process).
    /// </summary>
    public static SentenceModel BuiltIn => builtIn.Value;

    private static readonly Lazy<SentenceModel> builtIn = new(() => TrainBuiltIn());

    /// <summary>
    /// The labelled replies (Coaching/Data/replies) the model also learns from as whole texts, so that it reads a
    /// sentence in the company of the others. The first two were written to cover every rule; each "dev" set is one
    /// more writer's. eval/README.md tells their story; eval/coaching keeps the set nothing is trained on.
    /// </summary>
    public static IReadOnlyList<string> TrainingReplies => [.. WrittenAgainstReplies, .. DevelopmentReplies];

    /// <summary>The two sets the built-in rules were written against.</summary>
    public static IReadOnlyList<string> WrittenAgainstReplies { get; } = ["replies.tsv", "replies-more.tsv"];

    /// <summary>One more writer's set each, written apart from the rules.</summary>
    public static IReadOnlyList<string> DevelopmentReplies { get; } = [.. Enumerable.Range(1, 23).Select(i => $"replies-dev-{i}.tsv")];

    public static IReadOnlyList<ReplyExample> ReadTrainingReplies(string set) => [.. Evaluation.ReadReplySet(CoachingData.Text("replies." + set))];

    /// <summary>
    /// The built-in model, or one that never saw the replies of <paramref name="leaveOut"/> nor the sentences split
    /// from them (the source column names the set), to measure it on them.
    /// </summary>
    public static SentenceModel TrainBuiltIn(string? leaveOut = null) => Train(
        [
            .. ReadSentences(CoachingData.Text("coach-sentences.tsv"), except: leaveOut is null ? null : Path.GetFileNameWithoutExtension(leaveOut)),
            .. TrainingReplies.Where(set => set != leaveOut).SelectMany(ReadTrainingReplies)
                .Select(r => new LabelledSentence(r.Text.Replace('\u2019', '\''), r.Pitfalls.Concat(r.Moves).ToHashSet())),
        ], LabelNames);

    /// <summary>Rows of source, labels, unknown labels and text ("none" for an empty list).</summary>
    public static List<LabelledSentence> ReadSentences(string tsv, string? except = null) => [.. Evaluation.ReadTsv(tsv)
        .Where(row => row["source"] != except)
        .Select(row => new LabelledSentence(row["text"], Names(row["labels"]), Names(row["unknown"])))];

    private static HashSet<string> Names(string list)
    {
        var names = list == "none" ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = names.FirstOrDefault(n => !LabelNames.Contains(n));
        return unknown is null ? names : throw new FormatException($"'{unknown}' is not a pitfall or a move.");
    }

    public int IndexOf(string label)
    {
        var index = Array.IndexOf(labels, label);
        return index >= 0 ? index : throw new ArgumentException($"The model has no label '{label}'.", nameof(label));
    }

    /// <summary>
    /// Trains by stochastic gradient descent with AdaGrad steps and L2 shrinkage, in a fixed shuffled order. A label
    /// the sentence is marked unknown for is skipped for that sentence.
    /// </summary>
    public static SentenceModel Train(IReadOnlyList<LabelledSentence> data, IReadOnlyList<string> labels, int epochs = 12, double l2 = 1e-6)
    {
        var vocabulary = new Dictionary<uint, int>();
        var features = data.Select(d =>
        {
            var (keys, value) = Features(d.Text);
            return (Indexes: keys.Select(k => vocabulary.TryGetValue(k, out var i) ? i : vocabulary[k] = vocabulary.Count).ToArray(), Value: value);
        }).ToArray();
        var n = labels.Count;
        // For each sentence and label: 1 carries it, 0 does not, -1 unknown (skipped).
        var targets = data.Select(d => labels.Select(l => d.Unknown?.Contains(l) == true ? (sbyte)-1 : d.Labels.Contains(l) ? (sbyte)1 : (sbyte)0).ToArray()).ToArray();
        var w = new float[vocabulary.Count * n];
        var g = new float[vocabulary.Count * n];
        var b = new float[n];
        var gb = new float[n];
        // Positives are rare (a tenth of the sentences for one pitfall): each counts as much as the negatives together.
        var positiveWeight = Enumerable.Range(0, n).Select(l =>
        {
            var positives = targets.Count(t => t[l] == 1);
            return positives == 0 ? 1.0 : Math.Sqrt((data.Count - positives) / (double)positives);
        }).ToArray();
        var order = Enumerable.Range(0, data.Count).ToArray();
        var random = new Random(20261201);
        var margins = new double[n];
        var errors = new double[n];
        const double rate = 0.5;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (indexes, value) = features[i];
                var target = targets[i];
                // Every label's weights for one feature sit side by side, so each pass reads the features once.
                for (var l = 0; l < n; l++)
                {
                    margins[l] = b[l];
                }
                foreach (var h in indexes)
                {
                    for (var l = 0; l < n; l++)
                    {
                        margins[l] += w[h * n + l] * value;
                    }
                }
                for (var l = 0; l < n; l++)
                {
                    errors[l] = (1 / (1 + Math.Exp(-margins[l])) - target[l]) * (target[l] == 1 ? positiveWeight[l] : 1);
                }
                foreach (var h in indexes)
                {
                    for (var l = 0; l < n; l++)
                    {
                        if (target[l] < 0)
                        {
                            continue;
                        }
                        var k = h * n + l;
                        var grad = errors[l] * value + l2 * w[k];
                        g[k] += (float)(grad * grad);
                        w[k] -= (float)(rate * grad / Math.Sqrt(g[k] + 1e-8));
                    }
                }
                for (var l = 0; l < n; l++)
                {
                    if (target[l] >= 0)
                    {
                        gb[l] += (float)(errors[l] * errors[l]);
                        b[l] -= (float)(rate * errors[l] / Math.Sqrt(gb[l] + 1e-8));
                    }
                }
            }
        }
        return new SentenceModel([.. labels], vocabulary, w, b);
    }

    /// <summary>The chance, for each label, that the sentence carries it.</summary>
    public double[] Probabilities(string sentence)
    {
        var (keys, value) = Features(sentence);
        var n = labels.Length;
        var margins = bias.Select(b => (double)b).ToArray();
        foreach (var key in keys)
        {
            if (vocabulary.TryGetValue(key, out var h))
            {
                for (var l = 0; l < n; l++)
                {
                    margins[l] += weights[h * n + l] * value;
                }
            }
        }
        return [.. margins.Select(m => 1 / (1 + Math.Exp(-m)))];
    }

    /// <summary>
    /// Hashed features of a sentence: each word, its first five letters, each pair and triple of words, and the first
    /// word as the sentence's opening; numbers read as one word. Each feature weighs 1/√n so long and short
    /// sentences score on one scale.
    /// </summary>
    public static (uint[] Keys, double Value) Features(string sentence)
    {
        var words = Words(sentence);
        var hashes = new List<uint>(words.Count * 4 + 1);
        const uint opening = 0x9E3779B9;
        for (var i = 0; i < words.Count; i++)
        {
            hashes.Add(Mix(1, words[i].Word));
            if (words[i].Stem != 0)
            {
                hashes.Add(Mix(2, words[i].Stem));
            }
            hashes.Add(Mix(Mix(3, i > 0 ? words[i - 1].Word : opening), words[i].Word));
            if (i > 1)
            {
                hashes.Add(Mix(Mix(Mix(4, words[i - 2].Word), words[i - 1].Word), words[i].Word));
            }
        }
        hashes.Add(Mix(5, (uint)Math.Min(words.Count, 4))); // very short replies ("No.") read differently
        return ([.. hashes], 1 / Math.Sqrt(hashes.Count));
    }

    /// <summary>
    /// Each word of the sentence as a hash (lower case, curly apostrophes straight, any number as one word), and the
    /// hash of its first five letters when it is longer than that (0 otherwise).
    /// </summary>
    private static List<(uint Word, uint Stem)> Words(string sentence)
    {
        var words = new List<(uint, uint)>();
        var i = 0;
        while (i < sentence.Length)
        {
            if (!IsWordChar(sentence[i]))
            {
                i++;
                continue;
            }
            uint hash = 2166136261, stem = 0;
            var length = 0;
            var digits = true;
            for (; i < sentence.Length && IsWordChar(sentence[i]); i++, length++)
            {
                var c = char.ToLowerInvariant(sentence[i] is '\u2019' or '\u2018' ? '\'' : sentence[i]);
                digits &= char.IsDigit(c);
                hash = (hash ^ c) * 16777619;
                if (length == 4)
                {
                    stem = hash;
                }
            }
            words.Add(digits ? (7u, 0u) : (hash, length > 5 ? stem : 0));
        }
        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '\u2019' or '\u2018';

    private static uint Mix(uint seed, uint value)
    {
        var h = (seed ^ value) * 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >> 16);
    }

    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create(" .!?-\u2014\u2013\"'");

    /// <summary>Where each sentence of a text starts and how long it is: split after . ! ? and at line breaks.</summary>
    public static IEnumerable<(int Start, int Length)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || text[i] is '\n' or '\r'
                || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end)
            {
                continue;
            }
            var (s, e) = (start, Math.Min(i + 1, text.Length));
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }
            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }
            if (e > s && text.AsSpan(s, e - s).ContainsAnyExcept(Punctuation))
            {
                yield return (s, e - s);
            }
            start = i + 1;
        }
    }
}
