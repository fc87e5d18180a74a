using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Redress.Coaching;
using Redress.Playbooks;

BenchmarkRunner.Run<CoachingBenchmarks>(args: args);

/// <summary>
/// What the composer costs on every keystroke pause: the reply coach on a 2,000-character draft (with the stage's
/// move checks; with and without its sentence model) and the tone reader on a 2,000-character customer message. The baseline is the least any checker
/// does: one compiled regular expression scanning the same text.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public partial class CoachingBenchmarks
{
    private static readonly string Reply = Repeat(
        "Dear Maria, thank you for telling us, and I'm so sorry the vase arrived broken. I can see the box was crushed in transit, " +
        "which must be so upsetting for a wedding present. That's not my department, but I will personally look after this: I'm sending " +
        "a replacement by courier today and it will be with you by Friday. As I already told you, our policy is to refund the postage too. ", 2000);

    private static readonly string Incoming = Repeat(
        "This is the third time I have written about my broken vase and nobody has replied. I am sick of being ignored. " +
        "If I don't hear back today I will post about this on social media and take my business elsewhere! ", 2000);

    private readonly ReplyCoach _coach = ReplyCoach.Default;
    private readonly ReplyCoach _rulesOnly = new(CoachingRules.BuiltIn);
    private readonly ToneAnalyzer _tone = ToneAnalyzer.Load();
    private readonly Stage _stage = PlaybookFormat.Parse(BuiltInPlaybooks.Files().First().Yaml).Playbook!.FirstStage;

    [Benchmark(Baseline = true, Description = "one regex pass (baseline)")]
    public int OneRegexPass() => Sorry().Count(Reply);

    [Benchmark(Description = "reply coach, 2,000 chars")]
    public int ReviewReply() => _coach.Review(Reply, _stage).Count;

    [Benchmark(Description = "reply coach without the sentence model")]
    public int ReviewReplyRulesOnly() => _rulesOnly.Review(Reply, _stage).Count;

    [Benchmark(Description = "tone of a 2,000-char message")]
    public double ReadTone() => _tone.Read(Incoming).Score;

    [Benchmark(Description = "tone of a short complaint (intake)")]
    public double ReadShortTone() => _tone.Read("Charged twice for one order.\nI was charged twice on my card for the same order and nobody answers my emails. I have called three times.").Score;

    [GeneratedRegex(@"\bsorry\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sorry();

    private static string Repeat(string text, int length)
    {
        var builder = new System.Text.StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(text);
        }
        return builder.ToString(0, length);
    }
}
