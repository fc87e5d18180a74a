using System.Globalization;
using System.Text.RegularExpressions;
using Redress.Complaints;

namespace Redress.Coaching;

/// <summary>Something in a customer's message that tells an agent the temperature is rising.</summary>
public enum ToneSignal
{
    ThreatToLeave,
    ThreatToGoPublic,
    LegalThreat,
    RepeatedContact,
    Shouting,
    Profanity,
}

/// <summary>How angry or negative a customer's message reads, from 0 (calm or happy) to 1, and why.</summary>
public sealed record ToneReading(double Score, IReadOnlyList<ToneSignal> Signals)
{
    public static ToneReading Calm { get; } = new(0, []);

    /// <summary>The signals as stored: comma-separated wire names.</summary>
    public string SignalList => string.Join(',', Signals.Select(WireNames.Of));

    public static ToneReading Stored(double score, string signalList) => new(score,
        [.. signalList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => WireNames.TryParse<ToneSignal>(s, out var signal) ? signal : (ToneSignal?)null).OfType<ToneSignal>()]);

    /// <summary>Above this a case is volatile: the queue and the case page say so.</summary>
    public const double VolatileFrom = 0.6;

    /// <summary>A signal in words an agent reads at a glance.</summary>
    public static string Describe(ToneSignal signal) => signal switch
    {
        ToneSignal.ThreatToLeave => "threatens to leave",
        ToneSignal.ThreatToGoPublic => "threatens to go public",
        ToneSignal.LegalThreat => "threatens legal action",
        ToneSignal.RepeatedContact => "has had to chase us",
        ToneSignal.Shouting => "shouting in capitals",
        ToneSignal.Profanity => "swearing",
        _ => WireNames.Of(signal).Replace('_', ' '),
    };

    public bool IsVolatile => Score >= VolatileFrom || Signals.Any(s => s is ToneSignal.LegalThreat or ToneSignal.ThreatToGoPublic);

    /// <summary>
    /// The priority a complaint deserves given how it reads: a threat to go public or to the law, or a very angry
    /// message, is handled before the routine; never lowers what was asked for.
    /// </summary>
    public Priority PriorityFor(Priority requested)
    {
        var threats = Signals.Count(s => s is ToneSignal.LegalThreat or ToneSignal.ThreatToGoPublic or ToneSignal.ThreatToLeave);
        var deserved = (threats >= 2 && Score >= 0.7) || Score >= 0.9 ? Priority.Urgent
            : threats >= 1 || Score >= 0.75 ? Priority.High
            : Priority.Low;
        return deserved > requested ? deserved : requested;
    }
}

/// <summary>
/// Reads the tone of what a customer wrote: VADER sentence by sentence (a long, polite letter about serious harm
/// scores positive as a whole, so the worst sentences count most), plus complaint cues VADER does not know: threats
/// to leave, to go public or to the law, repeated contact, shouting and profanity. With a <paramref name="feeling"/>
/// model, the score is the mean of that reading and the model's chance that the message is negative: word pairs and
/// triples learnt from labelled customer messages catch how feeling shows in a complaint ("I am tired of being told
/// to wait") where no lexicon word does, and a calm dispute letter full of "fraud" and "denied" reads calmer.
/// </summary>
public sealed partial class ToneAnalyzer(Vader vader, SentenceModel? feeling = null)
{
    /// <summary>Words that are neutral in general but negative in a complaint ("this is a joke", "I was ignored").</summary>
    public static readonly IReadOnlyDictionary<string, double> ComplaintWords = new Dictionary<string, double>
    {
        ["joke"] = -1.5, ["overcharged"] = -2.0, ["overcharging"] = -2.0, ["refused"] = -1.6, ["refuse"] = -1.4, ["refuses"] = -1.5,
        ["ignored"] = -1.8, ["ignoring"] = -1.6, ["unresolved"] = -1.4, ["disgrace"] = -2.6, ["disgraceful"] = -2.7, ["shambles"] = -2.4,
        ["ripoff"] = -2.5, ["rip-off"] = -2.5, ["scammed"] = -2.8, ["harassing"] = -2.3, ["threatening"] = -2.0, ["lying"] = -2.2,
        ["liars"] = -2.6, ["negligence"] = -2.0, ["negligent"] = -2.0, ["deceptive"] = -2.2, ["illegally"] = -2.2, ["illegal"] = -2.2,
        ["unprofessional"] = -2.0, ["unbelievable"] = -1.2, ["wtf"] = -2.5, ["ffs"] = -2.2, ["smh"] = -1.5, ["furious"] = -3.0,
        ["ridiculous"] = -2.4, ["pathetic"] = -2.6, ["unacceptable"] = -2.6, ["appalling"] = -2.8, ["shocking"] = -2.0, ["clueless"] = -2.0, ["laughable"] = -2.0, ["theft"] = -2.0, ["robbery"] = -2.4,
        // The vocabulary of any complaint, calm or not: naming the problem is not anger.
        ["dispute"] = -0.3, ["disputes"] = -0.3, ["disputed"] = -0.3, ["disputing"] = -0.3, ["victim"] = -0.3, ["error"] = -0.5,
        ["errors"] = -0.5, ["debt"] = -0.3, ["debts"] = -0.3, ["denied"] = -0.8, ["violation"] = -0.8, ["violations"] = -0.8,
        ["missed"] = -0.5, ["fault"] = -0.8, ["fraud"] = -1.2, ["fraudulent"] = -1.0, ["complaint"] = -0.4, ["problem"] = -0.8,
        ["collection"] = 0, ["collections"] = 0, ["creditor"] = 0, ["inquiry"] = 0,
    };

    /// <summary>Cues of a heated message that are not threats: demands, sarcasm, rhetorical questions, feeling dismissed, angry emoji, "!!" on a bare fact.</summary>
    private const double HeatWeight = 0.2;

    private static readonly (ToneSignal Signal, double Weight)[] Weights =
    [
        (ToneSignal.LegalThreat, 0.35), (ToneSignal.ThreatToGoPublic, 0.35), (ToneSignal.ThreatToLeave, 0.3),
        (ToneSignal.RepeatedContact, 0.2), (ToneSignal.Shouting, 0.3), (ToneSignal.Profanity, 0.35),
    ];

    /// <summary>How much summed sentence negativity makes a message read 63% angry (1 - 1/e) before the cues.</summary>
    private const double Saturation = 2.0;

    public static ToneAnalyzer Load() => new(Vader.Load(ComplaintWords), Feeling.Value);

    /// <summary>
    /// The messages the tone reader learns from (Coaching/Data/tone-messages.tsv): 720 customer messages written for
    /// Redress, half negative, none of them in the evaluation set (eval/README.md).
    /// </summary>
    public static IReadOnlyList<ToneExample> TrainingMessages => [.. Evaluation.ReadToneSet(CoachingData.Text("tone-messages.tsv"), "letter")];

    /// <summary>Trained once per process, in well under a second.</summary>
    private static readonly Lazy<SentenceModel> Feeling = new(() => SentenceModel.Train(
        [.. TrainingMessages.Select(m => new LabelledSentence(m.Text, m.Negative ? new HashSet<string> { "negative" } : []))],
        ["negative"]));

    public ToneReading Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ToneReading.Calm;
        }
        var negatives = new List<double>();
        var emphatic = false;
        foreach (var sentence in Sentences(text))
        {
            var compound = vader.Score(sentence).Compound;
            negatives.Add(Math.Max(0, -compound));
            // "They will not remove it!!": VADER only amplifies words it knows, so insistence on a bare fact is a cue of its own.
            emphatic |= compound <= 0 && sentence.Contains("!!", StringComparison.Ordinal);
        }
        if (negatives.Count == 0)
        {
            return ToneReading.Calm;
        }
        // Negative sentences add up and saturate: one sour line is not a furious letter, and a rant that goes on and
        // on is (the length of a complaint is itself a sign of how upset its writer is).
        var words = Word().Count(text);
        var lexical = 1 - Math.Exp(-negatives.Sum() / Saturation);
        // A cue is a bigger part of a short message than of a long letter, which may recount every call it made.
        var cueScale = words <= 40 ? 1.5 : words >= 150 ? 0.9 : 1.5 - 0.6 * (words - 40) / 110.0;

        var signals = Signals(text);
        var calm = 1 - lexical;
        var heats = emphatic ? 1 : 0;
        foreach (Regex heat in (Regex[])[DemandCue(), SarcasmCue(), RhetoricalCue(), DismissedCue(), AngryEmoji()])
        {
            heats += heat.IsMatch(text) ? 1 : 0;
        }
        calm *= Math.Pow(1 - Math.Min(0.6, HeatWeight * cueScale), heats);
        foreach (var (signal, weight) in Weights)
        {
            if (signals.Contains(signal))
            {
                calm *= 1 - Math.Min(0.6, weight * cueScale);
            }
        }
        var score = feeling is null ? 1 - calm : (1 - calm + feeling.Probabilities(text)[0]) / 2;
        return new ToneReading(Math.Round(Math.Clamp(score, 0, 1), 3), signals);
    }

    public static IReadOnlyList<ToneSignal> Signals(string text)
    {
        var found = new List<ToneSignal>();
        if (LeaveCue().IsMatch(text))
        {
            found.Add(ToneSignal.ThreatToLeave);
        }
        if (PublicCue().IsMatch(text))
        {
            found.Add(ToneSignal.ThreatToGoPublic);
        }
        if (LegalCue().IsMatch(text))
        {
            found.Add(ToneSignal.LegalThreat);
        }
        if (RepeatedCue().IsMatch(text))
        {
            found.Add(ToneSignal.RepeatedContact);
        }
        if (IsShouting(text))
        {
            found.Add(ToneSignal.Shouting);
        }
        if (ProfanityCue().IsMatch(text))
        {
            found.Add(ToneSignal.Profanity);
        }
        return found;
    }

    /// <summary>
    /// Words in capitals (not masked XXXX, not acronyms like USPS): three anywhere, two with an exclamation mark or in a
    /// short message, or one long one in a chat line; or a run of "!!!".
    /// </summary>
    private static bool IsShouting(string text)
    {
        if (text.Contains("!!!", StringComparison.Ordinal))
        {
            return true;
        }
        if (!HasCapitalRun(text))
        {
            return false; // the common case, checked without a regular expression
        }
        var shouted = 0;
        var longest = 0;
        var words = 0;
        foreach (var word in Word().EnumerateMatches(text))
        {
            words++;
            var w = text.AsSpan(word.Index, word.Length);
            if (w.Length >= 3 && !w.ContainsAnyExcept(UpperLetters) && w.ContainsAnyExcept('X') && (w.Length > 4 || IsCommonWord(w.ToString())))
            {
                shouted++;
                longest = Math.Max(longest, w.Length);
            }
        }
        return shouted >= 3
            || (shouted >= 2 && (words <= 25 || text.Contains('!', StringComparison.Ordinal)))
            || (shouted == 1 && longest >= 4 && words <= 15);
    }

    private static readonly System.Buffers.SearchValues<char> UpperLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Three capital letters in a row somewhere in the text.</summary>
    private static bool HasCapitalRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsUpper(c) ? run + 1 : 0;
            if (run >= 3)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Short capitals count as shouting only when they are ordinary words ("NOW", "STILL"), not acronyms ("USPS", "FCRA").</summary>
    private static bool IsCommonWord(string upper) => CommonShortWords.Contains(upper.ToLower(CultureInfo.InvariantCulture));

    private static readonly HashSet<string> CommonShortWords =
    [
        "the", "and", "you", "your", "not", "now", "why", "was", "are", "for", "this", "that", "what", "when", "still", "never", "ever",
        "they", "them", "have", "has", "had", "will", "want", "stop", "help", "done", "sick", "fix", "all", "any", "get",
        "give", "back", "money", "mine", "owe", "paid", "pay", "did", "does", "just", "lost", "late", "wait", "days", "week", "year", "asap",
        "again", "twice", "who", "how", "can", "cant", "dont", "wont", "isnt", "its", "our", "out", "one", "too", "very", "bad", "lie",
        "lied", "liar", "joke", "wtf", "omg", "ffs", "rude", "hell", "damn", "nope", "yes", "stupid", "call",
    ];

    /// <summary>Sentences: split on . ! ? and line breaks, keeping the punctuation (VADER weighs "!").</summary>
    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Any(char.IsLetter));

    [GeneratedRegex(@"(?<=[.!?])\s+|[\r\n]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b[\p{L}']+\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(cancel+(ing|ed)?|clos(e|ing)) (my|our|the|this) (account|subscription|contract|membership|card|policy|plan|service)s?\b|\b(tak(e|ing)|mov(e|ing)) (my|our) (business|money|custom|account|accounts)( \w+)? (elsewhere|somewhere else|to (a|another|your) )|\b(switch(ing)?|go(ing)?|mov(e|ing)) (over )?to (a |your )?(competitor|another (bank|provider|company|supplier|airline|network|store))|\b(never|won't|will not|not going to)( be)? (use|using|shop|shopping|buy|buying|order|ordering|fly|flying|bank|banking|deal|dealing|do business)( \w+)? (with|from|at) (you|your|this)|\b(lost|losing) (a|my|our|your) (customer|business)\b|\bdone with (you|your|this company)|\b(find|finding|look for|looking for) (another|a new|a different) (bank|provider|company|supplier|airline|network|store)|\b(last|final) time (i|we)('ll|'m| will| am| are)? ?(use|using|order|ordering|shop|shopping|buy|buying|fly|flying|book|booking)|\bswitching\s*[.!]|\bi'?m gone\b|\bswitch(ing)? (over )?to\b|\bport(ing)? (my|our) numbers?\b|\b(take|taking) my custom\b|\b(you('ve| have)|you just) lost (a|me as a) customer\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveCue();

    [GeneratedRegex(@"\b(leav(e|ing)|writ(e|ing)|post(ing)?|put(ting)?)\b[^.!?\n]{0,40}\b(review|reviews)\b|\b(1|one|zero|0)[- ]star\b|\b(tweet(ing)?|post(ing)?|shar(e|ing)) (this|it|about)\b|\b(on|to|across|all over) (twitter|x|facebook|instagram|tiktok|youtube|reddit|trustpilot|yelp|social media|google reviews|linkedin)\b|\b(social media|the (local )?(news|press|media|paper|papers)|a journalist|reporters?|watchdog)\b|\b(tell|telling|warn|warning) (everyone|everybody|all my (friends|family|followers)|people|others|the world)\b|\bgo(ing|ne)? (viral|public)\b|\beveryone will (know|hear)\b|\breviews?\b[^.!?\n]{0,20}\b(going up|coming|incoming|tonight|will follow)\b|\b(screenshots?|recordings?|videos?|photos?)\b[^.!?\n]{0,30}\b(post(ed|ing)?|shar(e|ed|ing)|online|twitter|facebook|instagram|tiktok)\b|\b(post(ing)?|put(ting)?|shar(e|ing))\b[^.!?\n]{0,25}\b(online|on the internet|everywhere)\b|\ball over the internet\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublicCue();

    [GeneratedRegex(@"\b(lawyers?|attorneys?|solicitors?|lawsuit|sue|suing|legal action|legal recourse|court|small claims|litigation|class action|take (you|this) to court)\b|\b(report|reporting|complain(ing)?|escalat(e|ing)) (you |this |it )?(to )?(the )?(cfpb|ftc|attorney general|ombudsman|regulator|trading standards|fca|ofcom|ofgem|bbb|better business bureau|consumer protection|police|my mp|my member of parliament|my congressman|my senator)\b|\bescalat(e|ing) (this |it )?to my\b|\b(ombudsman|trading standards|ofgem|ofcom|ico|fca|cfpb|ftc|attorney general|chargeback|section 75)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LegalCue();

    [GeneratedRegex(@"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|countless|dozens of|so many) (times|calls|phone calls|emails|e-mails|attempts|letters|messages|chats|tickets)\b|\b(second|third|fourth|fifth|sixth|\d+(st|nd|rd|th)) (time|call|email|e-mail|letter|request|attempt|message)\b|\bstill (waiting|haven't|have not|hasn't|has not|no|not|nothing)\b|\b(called|emailed|e-mailed|written|wrote|contacted|asked|chased)( you| them| your \w+)? (again|back again|repeatedly|over and over|several times|multiple times)\b|\brepeatedly\b|\bkeep (calling|asking|chasing|getting|being told)\b|\b(no( ?one|body)) (has )?(called|got|gotten|responded|replied|answered|bothered)\b|\b(never|no) (response|reply|answer|call ?back)\b|\b(weeks|months) (now|later|of)\b|\bfor (weeks|months)\b|\byet again\b|\bagain\s*[.!?]+|\bAGAIN\b|\bevery (single )?(month|time|week|day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RepeatedCue();

    [GeneratedRegex(@"\b(immediately|right now|asap|i demand|i insist|or else)\b|\bi want (a|to speak to|to talk to|your|the) (manager|supervisor|someone senior)|\bexplain (that|this|yourselves|why)\b|\bby (tonight|today|tomorrow|end of (the )?day)\b[^.!?\n]{0,30}\bor\b|\bor (i|we)('ll|'m| will| am| am going to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DemandCue();

    [GeneratedRegex(@"[""“][^""”\n]{2,40}[""”]|\b(oh )?(brilliant|great|wonderful|fantastic|lovely|cheers|top work|well done|good job|great job|nice one|love (paying|it|that))\b[^\n]{0,60}\b(again|not|no|never|late|lost|broken|dented|hangs?|hung|took|weeks?|nothing|rise|disappears?)\b|\bthanks for nothing\b|\bincredible\.", RegexOptions.IgnoreCase)]
    private static partial Regex SarcasmCue();

    [GeneratedRegex(@"\b(what is the point|what's the point|how (do|can|dare|is it) (you|that|this)|are you (actually|even|serious|kidding|joking)|why (do|does|is|are|can't|won't|haven't|hasn't|did) (you|it|nobody|no one|i have)|is (this|that) a joke|seriously\?)|\?\?|\bwhere\.|\bwho is going to (pay|fix|sort|explain)|\bis (anyone|anybody) (actually |even )?(there|working|listening|reading)", RegexOptions.IgnoreCase)]
    private static partial Regex RhetoricalCue();

    [GeneratedRegex(@"\b(hangs?|hung) up (on|after)\b|\bmeans nothing\b|\b(nobody|no one) (cares|listens|bothers)\b|\bcopy(ing)?[- ]?past(e|ing)\b|\bnot good enough\b|\bfed up\b|\bsick (and tired )?of\b|\bhad enough\b|\b(even|at least|the) (have|had|show|showed) the (common )?(courtesy|decency)\b|\bthe (courtesy|decency) to\b", RegexOptions.IgnoreCase)]
    private static partial Regex DismissedCue();

    [GeneratedRegex("😤|😡|🤬|👎|😠|💩|🙄|😒|😩|😫|🤦", RegexOptions.None)]
    private static partial Regex AngryEmoji();

    [GeneratedRegex(@"\b(f+u+c+k+\w*|sh[i1]t+\w*|bullsh[i1]t|crap+y?|damn(ed|it)?|goddamn\w*|wtf|ffs|stfu|bloody|piss(ed)?|asshole|arsehole|bastards?|bitch\w*|dick(head)?s?|screw(ed)? (you|this|me|up)|hell)\b|\bf[\*#@!]+(c?k|ing)?\b|\bs[\*#@!]+t\b|\bsh[\*#@!]+\b|\$#[!@]t", RegexOptions.IgnoreCase)]
    private static partial Regex ProfanityCue();
}
