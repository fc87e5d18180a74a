using System.Collections.Frozen;
using System.Globalization;

namespace Redress.Coaching;

/// <summary>Positive, negative and neutral shares of a text, and the normalised compound score from -1 to 1.</summary>
public readonly record struct SentimentScores(double Negative, double Neutral, double Positive, double Compound);

/// <summary>
/// A C# port of VADER (Hutto and Gilbert, ICWSM-14; cjhutto/vaderSentiment, MIT): a rated lexicon plus the rules for
/// negation, boosters, capitals, "but", idioms and punctuation. The lexicon ships in Coaching/Data with its licence.
/// Checked against the authors' human-rated tweets in the tests.
/// </summary>
public sealed class Vader
{
    private const double BoosterIncrement = 0.293;
    private const double BoosterDecrement = -0.293;
    private const double CapsIncrement = 0.733;
    private const double NegationScalar = -0.74;

    private static readonly FrozenSet<string> Negations = FrozenSet.ToFrozenSet(
    [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't",
        "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
        "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt",
        "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't",
        "wouldn't", "rarely", "seldom", "despite",
    ]);

    private static readonly FrozenDictionary<string, double> Boosters = BuildBoosters();

    private static readonly FrozenDictionary<string, double> SpecialCases = new Dictionary<string, double>
    {
        ["the shit"] = 3, ["the bomb"] = 3, ["bad ass"] = 1.5, ["badass"] = 1.5, ["bus stop"] = 0, ["yeah right"] = -2,
        ["kiss of death"] = -1.5, ["to die for"] = 3, ["beating heart"] = 3.1, ["broken heart"] = -2.9,
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, double> _lexicon;
    private readonly FrozenDictionary<string, string> _emoji;

    public Vader(IReadOnlyDictionary<string, double> lexicon, IReadOnlyDictionary<string, string> emoji)
    {
        _lexicon = lexicon.ToFrozenDictionary(StringComparer.Ordinal);
        _emoji = emoji.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The shipped lexicon (VADER's words and emoticons, plus <paramref name="extra"/> ratings, which win).</summary>
    public static Vader Load(IReadOnlyDictionary<string, double>? extra = null)
    {
        var lexicon = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (token, rating) in CoachingData.Pairs("vader_lexicon.tsv"))
        {
            lexicon.TryAdd(token, double.Parse(rating, CultureInfo.InvariantCulture));
        }
        foreach (var (token, rating) in extra ?? new Dictionary<string, double>())
        {
            lexicon[token] = rating;
        }
        var emoji = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (symbol, words) in CoachingData.Pairs("emoji_lexicon.tsv"))
        {
            emoji.TryAdd(symbol, words);
        }
        return new Vader(lexicon, emoji);
    }

    public SentimentScores Score(string text)
    {
        var words = Tokenize(ReplaceEmoji(text));
        var capsDifferential = IsCapsDifferential(words);
        var lower = words.Select(w => w.ToLowerInvariant()).ToArray();
        var sentiments = new List<double>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            if (Boosters.ContainsKey(lower[i]) || (lower[i] == "kind" && i + 1 < words.Length && lower[i + 1] == "of"))
            {
                sentiments.Add(0);
                continue;
            }
            sentiments.Add(Valence(words, lower, i, capsDifferential));
        }
        ButCheck(lower, sentiments);
        return Summarise(sentiments, text);
    }

    private double Valence(string[] words, string[] lower, int i, bool capsDifferential)
    {
        if (!_lexicon.TryGetValue(lower[i], out var rating))
        {
            return 0;
        }
        var valence = rating;
        // "no" before another rated word is a negation, not a sentiment of its own.
        if (lower[i] == "no" && i + 1 < words.Length && _lexicon.ContainsKey(lower[i + 1]))
        {
            valence = 0;
        }
        if ((i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no") || (i > 2 && lower[i - 3] == "no" && lower[i - 1] is "or" or "nor"))
        {
            valence = rating * NegationScalar;
        }
        if (capsDifferential && IsUpper(words[i]))
        {
            valence += valence > 0 ? CapsIncrement : -CapsIncrement;
        }
        for (var back = 0; back < 3; back++)
        {
            if (i > back && !_lexicon.ContainsKey(lower[i - (back + 1)]))
            {
                var scalar = BoosterScalar(words[i - (back + 1)], valence, capsDifferential);
                valence += back switch { 1 => scalar * 0.95, 2 => scalar * 0.9, _ => scalar };
                valence = NegationCheck(valence, lower, back, i);
                if (back == 2)
                {
                    valence = IdiomsCheck(valence, lower, i);
                }
            }
        }
        return LeastCheck(valence, lower, i);
    }

    private static double BoosterScalar(string word, double valence, bool capsDifferential)
    {
        if (!Boosters.TryGetValue(word.ToLowerInvariant(), out var scalar))
        {
            return 0;
        }
        if (valence < 0)
        {
            scalar = -scalar;
        }
        if (capsDifferential && IsUpper(word))
        {
            scalar += valence > 0 ? CapsIncrement : -CapsIncrement;
        }
        return scalar;
    }

    private static double NegationCheck(double valence, string[] lower, int back, int i)
    {
        switch (back)
        {
            case 0:
                return IsNegated(lower[i - 1]) ? valence * NegationScalar : valence;
            case 1:
                if (lower[i - 2] == "never" && lower[i - 1] is "so" or "this")
                {
                    return valence * 1.25;
                }
                if (lower[i - 2] == "without" && lower[i - 1] == "doubt")
                {
                    return valence;
                }
                return IsNegated(lower[i - 2]) ? valence * NegationScalar : valence;
            default:
                if (lower[i - 3] == "never" && (lower[i - 2] is "so" or "this" || lower[i - 1] is "so" or "this"))
                {
                    return valence * 1.25;
                }
                if (lower[i - 3] == "without" && (lower[i - 2] == "doubt" || lower[i - 1] == "doubt"))
                {
                    return valence;
                }
                return IsNegated(lower[i - 3]) ? valence * NegationScalar : valence;
        }
    }

    private static bool IsNegated(string word) => Negations.Contains(word) || word.Contains("n't", StringComparison.Ordinal);

    private static double IdiomsCheck(double valence, string[] lower, int i)
    {
        string[] sequences =
        [
            $"{lower[i - 1]} {lower[i]}", $"{lower[i - 2]} {lower[i - 1]} {lower[i]}", $"{lower[i - 2]} {lower[i - 1]}",
            $"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}", $"{lower[i - 3]} {lower[i - 2]}",
        ];
        foreach (var sequence in sequences)
        {
            if (SpecialCases.TryGetValue(sequence, out var special))
            {
                valence = special;
                break;
            }
        }
        if (i + 1 < lower.Length && SpecialCases.TryGetValue($"{lower[i]} {lower[i + 1]}", out var after))
        {
            valence = after;
        }
        if (i + 2 < lower.Length && SpecialCases.TryGetValue($"{lower[i]} {lower[i + 1]} {lower[i + 2]}", out var after3))
        {
            valence = after3;
        }
        // A booster made of two words ("kind of") before the word.
        foreach (var pair in (string[])[$"{lower[i - 3]} {lower[i - 2]}", $"{lower[i - 2]} {lower[i - 1]}"])
        {
            if (Boosters.TryGetValue(pair, out var boost))
            {
                valence += boost;
            }
        }
        return valence;
    }

    private double LeastCheck(double valence, string[] lower, int i)
    {
        if (i > 1 && !_lexicon.ContainsKey(lower[i - 1]) && lower[i - 1] == "least")
        {
            return lower[i - 2] is not ("at" or "very") ? valence * NegationScalar : valence;
        }
        if (i > 0 && !_lexicon.ContainsKey(lower[i - 1]) && lower[i - 1] == "least")
        {
            return valence * NegationScalar;
        }
        return valence;
    }

    /// <summary>"But" shifts the weight: what comes before counts half, what comes after one and a half.</summary>
    private static void ButCheck(string[] lower, List<double> sentiments)
    {
        var but = Array.IndexOf(lower, "but");
        if (but < 0)
        {
            return;
        }
        for (var i = 0; i < sentiments.Count; i++)
        {
            if (i < but)
            {
                sentiments[i] *= 0.5;
            }
            else if (i > but)
            {
                sentiments[i] *= 1.5;
            }
        }
    }

    private static SentimentScores Summarise(List<double> sentiments, string text)
    {
        if (sentiments.Count == 0)
        {
            return default;
        }
        var sum = sentiments.Sum();
        var emphasis = PunctuationEmphasis(text);
        sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        var compound = Math.Clamp(sum / Math.Sqrt(sum * sum + 15), -1, 1);

        double positive = 0, negative = 0, neutral = 0;
        foreach (var s in sentiments)
        {
            // +1 and -1 make up for the neutral words that each count 1.
            if (s > 0)
            {
                positive += s + 1;
            }
            else if (s < 0)
            {
                negative += s - 1;
            }
            else
            {
                neutral += 1;
            }
        }
        if (positive > Math.Abs(negative))
        {
            positive += emphasis;
        }
        else if (positive < Math.Abs(negative))
        {
            negative -= emphasis;
        }
        var total = positive + Math.Abs(negative) + neutral;
        return new SentimentScores(Math.Round(Math.Abs(negative / total), 3), Math.Round(Math.Abs(neutral / total), 3),
            Math.Round(Math.Abs(positive / total), 3), Math.Round(compound, 4));
    }

    private static double PunctuationEmphasis(string text)
    {
        var exclamations = Math.Min(text.Count(c => c == '!'), 4) * 0.292;
        var questions = text.Count(c => c == '?');
        var questionEmphasis = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
        return exclamations + questionEmphasis;
    }

    private string ReplaceEmoji(string text)
    {
        if (text.All(char.IsAscii))
        {
            return text;
        }
        var builder = new System.Text.StringBuilder(text.Length + 16);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            // An emoji with a skin tone or variation selector is looked up by its first code point too.
            var first = System.Text.Rune.DecodeFromUtf16(element, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.ToString() : element;
            if (_emoji.TryGetValue(element, out var words) || _emoji.TryGetValue(first, out words))
            {
                builder.Append(' ').Append(words).Append(' ');
            }
            else
            {
                builder.Append(element);
            }
        }
        return builder.ToString();
    }

    /// <summary>Splits on white space and strips surrounding punctuation, except where that leaves two characters or fewer (emoticons).</summary>
    private static string[] Tokenize(string text)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var stripped = tokens[i].Trim(Punctuation);
            if (stripped.Length > 2)
            {
                tokens[i] = stripped;
            }
        }
        return tokens;
    }

    private static readonly char[] Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".ToCharArray();

    private static bool IsCapsDifferential(string[] words)
    {
        var caps = words.Count(IsUpper);
        return caps > 0 && caps < words.Length;
    }

    /// <summary>Python's str.isupper: at least one cased letter and no lower-case ones.</summary>
    private static bool IsUpper(string word) => word.Any(char.IsUpper) && !word.Any(char.IsLower);

    private static FrozenDictionary<string, double> BuildBoosters()
    {
        string[] up =
        [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply", "effing", "enormous",
            "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
            "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly",
            "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber",
            "unbelievably", "unusually", "utter", "utterly", "very",
        ];
        string[] down =
        [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally",
            "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ];
        return up.Select(w => KeyValuePair.Create(w, BoosterIncrement)).Concat(down.Select(w => KeyValuePair.Create(w, BoosterDecrement))).ToFrozenDictionary();
    }
}
