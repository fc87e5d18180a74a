using System.Globalization;
using System.Text.RegularExpressions;
using Redress.Coaching;
using Redress.Complaints;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Redress.Playbooks;

/// <summary>A mistake in a playbook file, where it is (1-based line and column) and what is wrong.</summary>
public sealed record PlaybookError(int Line, int Column, string Path, string Message)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}: {(Path.Length > 0 ? Path + ": " : "")}{Message}");
}

/// <summary>
/// Reads a playbook from YAML and checks it against the format in docs/playbooks.md. The whole file is checked, so
/// the author sees every mistake at once, each with its line and column; a file with any mistake gives no playbook.
/// </summary>
public static partial class PlaybookFormat
{
    public const int MaxLength = 256 * 1024;
    public const int MaxStages = 12;
    public const int MaxSteps = 20;

    public static (Playbook? Playbook, IReadOnlyList<PlaybookError> Errors) Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > MaxLength)
        {
            return (null, [new PlaybookError(1, 1, "", $"The file is {yaml.Length:N0} characters; a playbook may be at most {MaxLength:N0}.")]);
        }

        // The low-level parser first: it knows where a syntax error is. The document model then gives each node its position.
        var stream = new YamlStream();
        var last = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            return (null, [new PlaybookError((int)ex.Start.Line, (int)ex.Start.Column, "", $"This is not valid YAML: {Clean(reason)}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up without a position on some malformed flow collections; the last good token is close.
            return (null, [new PlaybookError((int)last.Line, (int)last.Column, "", "This is not valid YAML: a [list] or {mapping} is not closed, or a value is out of place.")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return (null, [new PlaybookError(1, 1, "", "The file is empty; a playbook needs at least an id, a name and stages.")]);
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            return (null, [new PlaybookError((int)second.Line, (int)second.Column, "", "The file holds more than one YAML document; put one playbook in each file.")]);
        }

        var reader = new Reader();
        var playbook = reader.ReadPlaybook(stream.Documents[0].RootNode);
        return reader.Errors.Count == 0 ? (playbook, []) : (null, reader.Errors);
    }

    /// <summary>Reads a coaching rules file (rules and move patterns), as shipped in Coaching/Data/coach-rules.yaml.</summary>
    public static (CoachingRules? Rules, IReadOnlyList<PlaybookError> Errors) ParseCoachingRules(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            return (null, [new PlaybookError((int)ex.Start.Line, (int)ex.Start.Column, "", $"This is not valid YAML: {Clean(ex.InnerException?.Message ?? ex.Message)}")]);
        }
        var reader = new Reader();
        var root = stream.Documents.Count == 1 ? reader.ReadCoachingFile(stream.Documents[0].RootNode) : null;
        return reader.Errors.Count == 0 && root is not null ? (root, []) : (null, reader.Errors);
    }

    /// <summary>YamlDotNet repeats the position in its messages; we give it separately.</summary>
    private static string Clean(string message) => PositionPrefix().Replace(message, "").Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$")]
    private static partial Regex IdPattern();

    private sealed class Reader
    {
        public List<PlaybookError> Errors { get; } = [];

        public Playbook? ReadPlaybook(YamlNode root)
        {
            var map = Mapping(root, "", "id", "name", "summary", "source", "applies_to", "follow_up_attempts", "stages", "coach_rules");
            if (map is null)
            {
                return null;
            }
            var id = Id(map, root, "id", "", minLength: 2);
            var name = Text(map, root, "name", "", 100, required: true);
            var summary = Text(map, root, "summary", "", 1000, required: false);
            var source = Text(map, root, "source", "", 1000, required: false);
            var rule = map.TryGetValue("applies_to", out var appliesTo) ? ReadRule(appliesTo) : PlaybookRule.Any;
            var followUps = map.TryGetValue("follow_up_attempts", out var attempts) ? Integer(attempts, "follow_up_attempts", 1, 10) : Playbook.DefaultFollowUpAttempts;

            var stages = new List<Stage>();
            if (!map.TryGetValue("stages", out var stagesNode))
            {
                Error(root, "", "The playbook has no stages; add a 'stages' list with at least one stage.");
            }
            else if (Sequence(stagesNode, "stages", 1, MaxStages) is { } stageNodes)
            {
                for (var i = 0; i < stageNodes.Count; i++)
                {
                    if (ReadStage(stageNodes[i], $"stages[{i}]") is { } stage)
                    {
                        stages.Add(stage);
                    }
                }
            }

            Unique(stages.Select(s => (s.Id, (object)s)), stagesNode, "stages", "stage id");
            Unique(stages.SelectMany(s => s.Steps).Select(s => (s.Id, (object)s)), stagesNode, "stages", "step id (step ids must be unique in the whole playbook)");

            var coachRules = map.TryGetValue("coach_rules", out var rulesNode) ? ReadCoachRules(rulesNode, "coach_rules") : [];

            return Errors.Count == 0 ? new Playbook(id!, name!, summary, source, rule, followUps, stages) { CoachRules = coachRules } : null;
        }

        public CoachingRules? ReadCoachingFile(YamlNode root)
        {
            var map = Mapping(root, "", "rules", "moves");
            if (map is null)
            {
                return null;
            }
            var rules = map.TryGetValue("rules", out var rulesNode) ? ReadCoachRules(rulesNode, "rules") : [];
            var moves = new Dictionary<ReplyMove, IReadOnlyList<Regex>>();
            if (map.TryGetValue("moves", out var movesNode) && Mapping(movesNode, "moves", [.. WireNames.All<ReplyMove>()]) is { } moveMap)
            {
                foreach (var (name, node) in moveMap)
                {
                    if (WireNames.TryParse<ReplyMove>(name, out var move))
                    {
                        moves[move] = Patterns(node, $"moves.{name}");
                    }
                }
            }
            return new CoachingRules(rules, moves);
        }

        /// <summary>Reply-coaching rules: id, pitfall (optional), severity, message, suggestion, patterns, unless_followed_by.</summary>
        private List<CoachRule> ReadCoachRules(YamlNode node, string path)
        {
            var rules = new List<CoachRule>();
            if (Sequence(node, path, 0, 100) is not { } items)
            {
                return rules;
            }
            for (var i = 0; i < items.Count; i++)
            {
                var at = $"{path}[{i}]";
                var map = Mapping(items[i], at, "id", "pitfall", "severity", "message", "suggestion", "patterns", "unless_followed_by");
                if (map is null)
                {
                    continue;
                }
                var id = Id(map, items[i], "id", at, minLength: 2);
                ReplyPitfall? pitfall = null;
                if (map.TryGetValue("pitfall", out var pitfallNode) && Scalar(pitfallNode, $"{at}.pitfall") is { } pitfallName)
                {
                    if (WireNames.TryParse<ReplyPitfall>(pitfallName, out var parsed))
                    {
                        pitfall = parsed;
                    }
                    else
                    {
                        Error(pitfallNode, $"{at}.pitfall", $"'{pitfallName}' is not a pitfall: {string.Join(", ", WireNames.All<ReplyPitfall>())}.");
                    }
                }
                var severity = CoachSeverity.Medium;
                if (map.TryGetValue("severity", out var severityNode) && Scalar(severityNode, $"{at}.severity") is { } severityName
                    && !WireNames.TryParse(severityName, out severity))
                {
                    Error(severityNode, $"{at}.severity", $"'{severityName}' is not a severity: low, medium or high.");
                }
                var message = Text(map, items[i], "message", at, 500, required: true);
                var suggestion = Text(map, items[i], "suggestion", at, 500, required: false);
                List<Regex> patterns = [];
                if (!map.TryGetValue("patterns", out var patternsNode))
                {
                    Error(items[i], at, "The rule has no patterns; add a 'patterns' list of regular expressions.");
                }
                else
                {
                    patterns = Patterns(patternsNode, $"{at}.patterns");
                }
                Regex? unless = null;
                if (map.TryGetValue("unless_followed_by", out var unlessNode) && Scalar(unlessNode, $"{at}.unless_followed_by") is { } unlessText)
                {
                    unless = Compile(unlessNode, $"{at}.unless_followed_by", unlessText);
                }
                if (id is not null && message is not null && patterns.Count > 0)
                {
                    rules.Add(new CoachRule(id, pitfall, severity, message, suggestion, patterns, unless));
                }
            }
            Unique(rules.Select(r => (r.Id, (object)r)), node, path, "rule id");
            return rules;
        }

        private List<Regex> Patterns(YamlNode node, string path)
        {
            var patterns = new List<Regex>();
            if (Sequence(node, path, 1, 100) is not { } items)
            {
                return patterns;
            }
            for (var i = 0; i < items.Count; i++)
            {
                if (Scalar(items[i], $"{path}[{i}]") is { } text && Compile(items[i], $"{path}[{i}]", text) is { } regex)
                {
                    patterns.Add(regex);
                }
            }
            return patterns;
        }

        /// <summary>A pattern that does not compile is a mistake at its line; a runaway one times out instead of hanging a request.</summary>
        private Regex? Compile(YamlNode node, string path, string pattern)
        {
            try
            {
                return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                Error(node, path, $"This is not a valid regular expression: {ex.Message}");
                return null;
            }
        }

        private PlaybookRule ReadRule(YamlNode node)
        {
            var map = Mapping(node, "applies_to", "categories", "priorities", "channels");
            if (map is null)
            {
                return PlaybookRule.Any;
            }
            var categories = Words(map, "categories", "applies_to", value =>
                value.Length <= ComplaintLimits.CategoryLength && IdPattern().IsMatch(value) ? value : null,
                "a category: lower-case letters, digits or hyphens, like 'billing'");
            var priorities = Words(map, "priorities", "applies_to", value => WireNames.TryParse<Priority>(value, out var p) ? p : (Priority?)null,
                "a priority: " + string.Join(", ", WireNames.All<Priority>()));
            var channels = Words(map, "channels", "applies_to", value => WireNames.TryParse<Channel>(value, out var c) ? c : (Channel?)null,
                "a channel: " + string.Join(", ", WireNames.All<Channel>()));
            return new PlaybookRule(categories, priorities.Select(p => p!.Value).ToList(), channels.Select(c => c!.Value).ToList());
        }

        private Stage? ReadStage(YamlNode node, string path)
        {
            var map = Mapping(node, path, "id", "title", "purpose", "steps", "gate", "reply");
            if (map is null)
            {
                return null;
            }
            var id = Id(map, node, "id", path, minLength: 1);
            var title = Text(map, node, "title", path, 100, required: true);
            var purpose = Text(map, node, "purpose", path, 2000, required: false);

            var steps = new List<Step>();
            if (!map.TryGetValue("steps", out var stepsNode))
            {
                Error(node, path, "The stage has no steps; add a 'steps' list with at least one step.");
            }
            else if (Sequence(stepsNode, $"{path}.steps", 1, MaxSteps) is { } stepNodes)
            {
                for (var i = 0; i < stepNodes.Count; i++)
                {
                    if (ReadStep(stepNodes[i], $"{path}.steps[{i}]") is { } step)
                    {
                        steps.Add(step);
                    }
                }
            }

            var gate = map.TryGetValue("gate", out var gateNode)
                ? Words(gateNode, $"{path}.gate", ParseCondition, "a condition Redress knows; use one of: " + ConditionList).Select(c => c!.Value).Distinct().ToList()
                : [];
            var reply = map.TryGetValue("reply", out var replyNode) ? ReadReply(replyNode, $"{path}.reply") : ReplyExpectations.None;
            return id is null || title is null ? null : new Stage(id, title, purpose, steps, gate, reply);
        }

        private Step? ReadStep(YamlNode node, string path)
        {
            var map = Mapping(node, path, "id", "title", "guidance", "required", "completion", "source");
            if (map is null)
            {
                return null;
            }
            var id = Id(map, node, "id", path, minLength: 1);
            var title = Text(map, node, "title", path, 200, required: true);
            var guidance = Text(map, node, "guidance", path, 2000, required: true);
            var required = !map.TryGetValue("required", out var requiredNode) || Boolean(requiredNode, $"{path}.required");

            Condition? completedBy = null;
            if (map.TryGetValue("completion", out var completionNode) && Scalar(completionNode, $"{path}.completion") is { } completion && completion != "manual")
            {
                completedBy = ParseCondition(completion);
                if (completedBy is null)
                {
                    Error(completionNode, $"{path}.completion", $"'{completion}' is not a condition Redress knows; use manual or one of: {ConditionList}.");
                }
            }

            StepSource? source = null;
            if (map.TryGetValue("source", out var sourceNode) && Mapping(sourceNode, $"{path}.source", "file", "step") is { } sourceMap)
            {
                var file = Text(sourceMap, sourceNode, "file", $"{path}.source", 200, required: true);
                var label = Text(sourceMap, sourceNode, "step", $"{path}.source", 50, required: true);
                source = file is null || label is null ? null : new StepSource(file, label);
            }
            return id is null || title is null || guidance is null ? null : new Step(id, title, guidance, required, completedBy, source);
        }

        private ReplyExpectations ReadReply(YamlNode node, string path)
        {
            var map = Mapping(node, path, "expect", "avoid", "advice");
            if (map is null)
            {
                return ReplyExpectations.None;
            }
            var expect = Words(map, "expect", path, value => WireNames.TryParse<ReplyMove>(value, out var move) ? move : (ReplyMove?)null,
                "a reply move: " + string.Join(", ", WireNames.All<ReplyMove>()));
            var avoid = Words(map, "avoid", path, value => WireNames.TryParse<ReplyPitfall>(value, out var pitfall) ? pitfall : (ReplyPitfall?)null,
                "a pitfall: " + string.Join(", ", WireNames.All<ReplyPitfall>()));
            var advice = Text(map, node, "advice", path, 2000, required: false);
            return new ReplyExpectations(expect.Select(m => m!.Value).Distinct().ToList(), avoid.Select(p => p!.Value).Distinct().ToList(), advice);
        }

        private static string ConditionList => string.Join(", ", WireNames.All<Condition>());

        private static Condition? ParseCondition(string value) =>
            !value.Contains('-', StringComparison.Ordinal) && WireNames.TryParse<Condition>(value, out var condition) ? condition : null;

        // --- The building blocks: each records an error at the node's position and returns null when the node is wrong.

        private Dictionary<string, YamlNode>? Mapping(YamlNode node, string path, params string[] keys)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node, path, $"Expected a mapping with the keys {string.Join(", ", keys)}.");
                return null;
            }
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!keys.Contains(key))
                {
                    Error(keyNode, path, $"Unknown key '{key}'. Expected one of: {string.Join(", ", keys)}.");
                    continue;
                }
                result[key] = value;
            }
            return result;
        }

        private List<YamlNode>? Sequence(YamlNode node, string path, int min, int max)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Error(node, path, "Expected a list.");
                return null;
            }
            if (sequence.Children.Count < min || sequence.Children.Count > max)
            {
                Error(node, path, $"Expected {min} to {max} entries; found {sequence.Children.Count}.");
                return null;
            }
            return [.. sequence.Children];
        }

        private string? Scalar(YamlNode node, string path)
        {
            if (node is not YamlScalarNode scalar || scalar.Value is null)
            {
                Error(node, path, "Expected a single value here, not a list or mapping.");
                return null;
            }
            return scalar.Value.Trim();
        }

        private string? Text(Dictionary<string, YamlNode> map, YamlNode owner, string key, string path, int maxLength, bool required)
        {
            var at = Join(path, key);
            if (!map.TryGetValue(key, out var node))
            {
                if (required)
                {
                    Error(owner, path, $"'{key}' is required.");
                }
                return null;
            }
            var value = Scalar(node, at);
            if (value is null)
            {
                return null;
            }
            if (value.Length == 0 && required)
            {
                Error(node, at, $"'{key}' must not be empty.");
                return null;
            }
            if (value.Length > maxLength)
            {
                Error(node, at, $"At most {maxLength} characters; this is {value.Length}.");
                return null;
            }
            return value.Length == 0 ? null : value;
        }

        private string? Id(Dictionary<string, YamlNode> map, YamlNode owner, string key, string path, int minLength)
        {
            var value = Text(map, owner, key, path, 50, required: true);
            if (value is not null && (value.Length < minLength || !IdPattern().IsMatch(value)))
            {
                Error(map[key], Join(path, key), $"'{value}' is not a valid id: use {minLength} to 50 lower-case letters, digits or hyphens, starting and ending with a letter or digit.");
                return null;
            }
            return value;
        }

        private bool Boolean(YamlNode node, string path)
        {
            var value = Scalar(node, path);
            if (value is "true" or "false")
            {
                return value == "true";
            }
            if (value is not null)
            {
                Error(node, path, $"Expected true or false, not '{value}'.");
            }
            return true;
        }

        private int Integer(YamlNode node, string path, int min, int max)
        {
            var value = Scalar(node, path);
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }
            if (value is not null)
            {
                Error(node, path, $"Expected a whole number from {min} to {max}, not '{value}'.");
            }
            return min;
        }

        private List<T> Words<T>(Dictionary<string, YamlNode> map, string key, string path, Func<string, T?> parse, string expected) =>
            map.TryGetValue(key, out var node) ? Words(node, Join(path, key), parse, expected) : [];

        private List<T> Words<T>(YamlNode node, string path, Func<string, T?> parse, string expected)
        {
            var result = new List<T>();
            if (Sequence(node, path, 0, 100) is not { } items)
            {
                return result;
            }
            for (var i = 0; i < items.Count; i++)
            {
                var value = Scalar(items[i], $"{path}[{i}]");
                if (value is null)
                {
                    continue;
                }
                if (parse(value) is { } parsed)
                {
                    result.Add(parsed);
                }
                else
                {
                    Error(items[i], $"{path}[{i}]", $"'{value}' is not {expected}.");
                }
            }
            return result;
        }

        private void Unique(IEnumerable<(string Id, object Item)> items, YamlNode? node, string path, string what)
        {
            foreach (var duplicate in items.GroupBy(i => i.Id).Where(g => g.Count() > 1))
            {
                Error(node, path, $"The {what} '{duplicate.Key}' is used {duplicate.Count()} times.");
            }
        }

        private void Error(YamlNode? node, string path, string message) =>
            Errors.Add(new PlaybookError(node is null ? 1 : (int)node.Start.Line, node is null ? 1 : (int)node.Start.Column, path, message));

        private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
    }
}
