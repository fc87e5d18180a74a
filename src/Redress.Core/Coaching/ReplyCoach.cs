using System.Text.RegularExpressions;
using Redress.Playbooks;

namespace Redress.Coaching;

public enum CoachSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>
/// Something a reply must not say: patterns (regular expressions, any case), what is wrong with it, a better wording,
/// and an exception when what follows the match offers a way forward. Built in (Coaching/Data/coach-rules.yaml) or a playbook's own.
/// </summary>
public sealed record CoachRule(
    string Id, ReplyPitfall? Pitfall, CoachSeverity Severity, string Message, string? Suggestion, IReadOnlyList<Regex> Patterns, Regex? UnlessFollowedBy);

/// <summary>One thing the coach noticed in a draft: which rule, what to do about it, and where (a zero-length span for a missing move).</summary>
public sealed record CoachFinding(string RuleId, ReplyPitfall? Pitfall, ReplyMove? MissingMove, string Message, int Start, int Length, CoachSeverity Severity, string? Suggestion);

/// <summary>The built-in rules and the patterns that recognise each good move.</summary>
public sealed record CoachingRules(IReadOnlyList<CoachRule> Rules, IReadOnlyDictionary<ReplyMove, IReadOnlyList<Regex>> Moves)
{
    public static CoachingRules BuiltIn { get; } = Load();

    private static CoachingRules Load()
    {
        var (rules, errors) = PlaybookFormat.ParseCoachingRules(CoachingData.Text("coach-rules.yaml"));
        return rules ?? throw new InvalidOperationException("The built-in coaching rules do not read: " + string.Join("; ", errors));
    }
}

/// <summary>
/// Reads an agent's draft reply as the seeds would: flags passing the buck, blame, arguing, a flat no and hollow
/// apologies with a better wording, and, for the case's current stage, the moves it expects and the draft lacks
/// (apology, acknowledgement, thanks, next steps, a time frame, ownership).
/// </summary>
public sealed class ReplyCoach(CoachingRules rules)
{
    public static ReplyCoach Default { get; } = new(CoachingRules.BuiltIn);

    /// <param name="stage">The case's current stage: its reply expectations add the missing-move checks.</param>
    /// <param name="playbookRules">The playbook's own rules, checked after the built-in ones.</param>
    public IReadOnlyList<CoachFinding> Review(string text, Stage? stage = null, IReadOnlyList<CoachRule>? playbookRules = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Curly apostrophes become straight ones, one character for one, so spans still point into the original text.
        var normalised = text.Replace('\u2019', '\'').Replace('\u2018', '\'');
        var findings = new List<CoachFinding>();
        foreach (var rule in playbookRules is null ? rules.Rules : rules.Rules.Concat(playbookRules))
        {
            Check(rule, normalised, findings);
        }
        foreach (var move in stage?.Reply.Expect ?? [])
        {
            if (!HasMove(move, normalised, findings))
            {
                findings.Add(new CoachFinding($"missing-{WireNames.Of(move).Replace('_', '-')}", null, move, MissingMessage(move), 0, 0,
                    CoachSeverity.Medium, MissingExample(move)));
            }
        }
        return [.. findings.OrderBy(f => f.Length == 0).ThenBy(f => f.Start)];
    }

    /// <summary>Whether the draft makes a move; an apology inside a hollow one does not count.</summary>
    public bool HasMove(ReplyMove move, string text, IReadOnlyList<CoachFinding>? findings = null)
    {
        findings ??= Review(text);
        return rules.Moves.TryGetValue(move, out var patterns) && patterns.Any(p => p.Matches(text).Any(m =>
            move != ReplyMove.Apology || !findings.Any(f => f.Pitfall == ReplyPitfall.NonApology && m.Index >= f.Start && m.Index < f.Start + f.Length)));
    }

    private static void Check(CoachRule rule, string text, List<CoachFinding> findings)
    {
        foreach (var pattern in rule.Patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (match.Length == 0 || findings.Any(f => f.RuleId == rule.Id && Overlaps(f, match)))
                {
                    continue;
                }
                if (rule.UnlessFollowedBy is { } unless && unless.IsMatch(WhatFollows(text, match)))
                {
                    continue;
                }
                findings.Add(new CoachFinding(rule.Id, rule.Pitfall, null, rule.Message, match.Index, match.Length, rule.Severity, rule.Suggestion));
            }
        }
    }

    private static bool Overlaps(CoachFinding finding, Match match) =>
        match.Index < finding.Start + finding.Length && finding.Start < match.Index + match.Length;

    /// <summary>The rest of the sentence after a match and the sentence after it: where a way forward would be offered.</summary>
    private static string WhatFollows(string text, Match match)
    {
        var from = match.Index + match.Length;
        var end = text.IndexOfAny(['.', '!', '?', '\n'], from);
        if (end >= 0 && end + 1 < text.Length)
        {
            var next = text.IndexOfAny(['.', '!', '?', '\n'], end + 1);
            end = next < 0 ? text.Length : next;
        }
        return text[from..(end < 0 ? text.Length : end)];
    }

    private static string MissingMessage(ReplyMove move) => move switch
    {
        ReplyMove.Apology => "No apology yet: at this stage the reply should say sorry for the specific problem.",
        ReplyMove.Acknowledgement => "Show you understood the specific problem and how it affected them.",
        ReplyMove.Thanks => "Thank the customer for telling you.",
        ReplyMove.NextSteps => "Say what happens next.",
        ReplyMove.TimeFrame => "Say by when: a day or a time the customer can hold you to.",
        ReplyMove.Ownership => "Say who owns this: \"I will personally look after this.\"",
        _ => $"The reply should include {WireNames.Of(move).Replace('_', ' ')}.",
    };

    private static string MissingExample(ReplyMove move) => move switch
    {
        ReplyMove.Apology => "\"I'm sorry your order arrived damaged.\"",
        ReplyMove.Acknowledgement => "\"I can see you were charged twice, and I understand how worrying that is.\"",
        ReplyMove.Thanks => "\"Thank you for letting us know.\"",
        ReplyMove.NextSteps => "\"I'm sending a replacement by courier.\"",
        ReplyMove.TimeFrame => "\"It will be with you by Friday, and I'll call you on Thursday to check.\"",
        _ => "\"I'm handling your case myself and will keep you updated.\"",
    };
}
