using Redress.Playbooks;

namespace Redress.Complaints;

// The complaint's walk through its playbook: Specify (problem statement and the customer's confirmations), the
// action plan, the agreed remedy, follow-ups and satisfaction, and the stage gates that hold it all in order.
public sealed partial class Complaint
{
    public const int MaxActions = 3;
    public const int ProblemStatementLength = 4_000;
    public const int RemedyLength = 2_000;
    public const int NoteLength = 2_000;

    private readonly List<CompletedStep> _completedSteps = [];
    private readonly List<PlannedAction> _actions = [];
    private readonly List<CircleBackDuty> _circleBackDuties = [];

    /// <summary>The playbook the case follows, and the version it started with (editing a playbook never moves a case).</summary>
    public string PlaybookId { get; private set; } = "";
    public int PlaybookVersion { get; private set; }
    public string StageId { get; private set; } = "";
    public DateTime StageEnteredAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The agent's restatement of the problem, which the customer confirms.</summary>
    public string? ProblemStatement { get; private set; }
    public DateTime? ProblemStatedAt { get; private set; }
    public string? ProblemStatedBy { get; private set; }
    public DateTime? ProblemConfirmedAt { get; private set; }
    public Channel? ProblemConfirmedVia { get; private set; }
    public string? ProblemConfirmationRecordedBy { get; private set; }
    /// <summary>The customer said that is everything: all is out.</summary>
    public DateTime? AllSaidAt { get; private set; }
    public Channel? AllSaidVia { get; private set; }
    public string? AllSaidRecordedBy { get; private set; }

    public string? AgreedRemedy { get; private set; }
    public DateTime? RemedyAgreedAt { get; private set; }

    public int FollowUpAttempts { get; private set; }
    public DateTime? LastFollowUpAt { get; private set; }
    /// <summary>The customer's answer to "are you satisfied?": null until they answer.</summary>
    public bool? Satisfied { get; private set; }
    public int? SatisfactionRating { get; private set; }
    public DateTime? SatisfactionAnsweredAt { get; private set; }

    public IReadOnlyList<CompletedStep> CompletedSteps => _completedSteps;
    /// <summary>Most immediate first.</summary>
    public IReadOnlyList<PlannedAction> Actions => _actions;
    public IReadOnlyList<CircleBackDuty> CircleBackDuties => _circleBackDuties;

    /// <summary>Whether a playbook condition holds for this case now.</summary>
    public bool Holds(Condition condition, int followUpAttempts = Playbook.DefaultFollowUpAttempts) => condition switch
    {
        Condition.AcknowledgementSent => AcknowledgedAt != default,
        Condition.OwnerAssigned => OwnerId is not null,
        Condition.ReplySent => FirstRespondedAt is not null,
        Condition.ProblemStatementRecorded => ProblemStatement is not null,
        Condition.ProblemStatementConfirmed => ProblemConfirmedAt is not null,
        Condition.CustomerSaidEverything => AllSaidAt is not null,
        Condition.ActionPlanSet => _actions.Count > 0,
        Condition.ActionPlanDone => _actions.Count > 0 && _actions.All(a => a.IsDone),
        Condition.RemedyAgreed => RemedyAgreedAt is not null,
        Condition.FollowUpDone => FollowUpAttempts > 0,
        Condition.SurveyAnswered => SatisfactionAnsweredAt is not null,
        Condition.SatisfactionVerified => Satisfied == true,
        Condition.SatisfactionVerifiedOrFollowUps => Satisfied == true || FollowUpAttempts >= followUpAttempts,
        Condition.HandoffsCircledBack => _circleBackDuties.All(d => d.CircledBackAt is not null),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown condition."),
    };

    public bool IsDone(Step step, Playbook playbook) => step.CompletedBy is { } condition
        ? Holds(condition, playbook.FollowUpAttempts)
        : FindCompletion(step) is not null;

    public CompletedStep? FindCompletion(Step step) =>
        _completedSteps.FirstOrDefault(s => s.PlaybookId == PlaybookId && s.PlaybookVersion == PlaybookVersion && s.StepId == step.Id);

    public Stage CurrentStage(Playbook playbook) => EnsureFollows(playbook).FindStage(StageId)
        ?? throw new InvalidOperationException($"Stage '{StageId}' is not in {playbook.Id} v{playbook.Version}.");

    /// <summary>Everything that stops the case leaving its current stage; empty when it may move on.</summary>
    public IReadOnlyList<UnmetGate> UnmetGates(Playbook playbook)
    {
        var stage = CurrentStage(playbook);
        var unmet = new List<UnmetGate>();
        foreach (var step in stage.Steps.Where(s => s.Required && !IsDone(s, playbook)))
        {
            unmet.Add(new UnmetGate($"step:{step.Id}", step.CompletedBy is { } condition
                ? $"'{step.Title}': {Conditions.Missing(condition, playbook.FollowUpAttempts)}"
                : $"'{step.Title}' is not ticked off yet."));
        }
        var conditions = playbook.After(stage) is null ? stage.Gate.Union(Conditions.Closing) : stage.Gate;
        foreach (var condition in conditions.Where(c => !Holds(c, playbook.FollowUpAttempts)))
        {
            // A step completed by the same condition already says so.
            if (!stage.Steps.Any(s => s.Required && s.CompletedBy == condition))
            {
                unmet.Add(new UnmetGate(WireNames.Of(condition), Conditions.Missing(condition, playbook.FollowUpAttempts)));
            }
        }
        if (conditions.Contains(Condition.HandoffsCircledBack))
        {
            foreach (var duty in _circleBackDuties.Where(d => d.CircledBackAt is null))
            {
                unmet.RemoveAll(u => u.Code == WireNames.Of(Condition.HandoffsCircledBack));
                unmet.Add(new UnmetGate(WireNames.Of(Condition.HandoffsCircledBack),
                    $"{duty.StaffName} handed the case over and has not circled back to the customer yet: they reply to the customer or record a follow-up."));
            }
        }
        return unmet;
    }

    /// <summary>The first required step not yet done in the current stage, else the first optional one: what to do next.</summary>
    public Step? NextStep(Playbook playbook)
    {
        var stage = CurrentStage(playbook);
        return stage.Steps.FirstOrDefault(s => s.Required && !IsDone(s, playbook)) ?? stage.Steps.FirstOrDefault(s => !IsDone(s, playbook));
    }

    /// <summary>Moves to the next stage if the gate is met; leaving the last stage closes the case.</summary>
    public Stage? Advance(Playbook playbook, Actor by, DateTime now)
    {
        EnsureNotClosed("move on");
        var stage = CurrentStage(playbook);
        var unmet = UnmetGates(playbook);
        if (unmet.Count > 0)
        {
            throw new GateClosedException(stage.Title, unmet);
        }
        var next = playbook.After(stage);
        if (next is null)
        {
            Status = ComplaintStatus.Closed;
            ClosedAt = now;
            Record(new TimelineEvent(TimelineKinds.Closed, $"{by.Name} closed the case after {stage.Title}: the {playbook.Name} playbook is complete", by, now), now);
            return null;
        }
        StageId = next.Id;
        StageEnteredAt = now;
        Record(new TimelineEvent(TimelineKinds.StageChanged, $"{by.Name} moved the case from {stage.Title} to {next.Title}", by, now), now);
        return next;
    }

    public CompletedStep CompleteStep(Playbook playbook, string stepId, string? note, Actor by, DateTime now)
    {
        EnsureNotClosed("work on");
        var found = EnsureFollows(playbook).FindStep(stepId)
            ?? throw new DomainRuleException($"The {playbook.Name} playbook has no step '{stepId}'.");
        var (stage, step) = found;
        var current = CurrentStage(playbook);
        if (stage != current)
        {
            throw new DomainRuleException(playbook.IndexOf(stage) > playbook.IndexOf(current)
                ? $"'{step.Title}' belongs to {stage.Title}; the case is still in {current.Title}. Finish {current.Title} and move on first."
                : $"'{step.Title}' belongs to {stage.Title}, which the case has already left.");
        }
        if (step.CompletedBy is { } condition)
        {
            throw new DomainRuleException($"'{step.Title}' completes itself when this holds: {Conditions.Missing(condition, playbook.FollowUpAttempts)}");
        }
        if (FindCompletion(step) is { } done)
        {
            throw new DomainRuleException($"'{step.Title}' was already done by {done.CompletedByName}.");
        }
        var completion = new CompletedStep(PlaybookId, PlaybookVersion, step.Id, by, now, Clean(note, NoteLength, "note"));
        _completedSteps.Add(completion);
        Record(new TimelineEvent(TimelineKinds.StepCompleted, $"{by.Name} completed '{step.Title}'" + (completion.Note is null ? "" : $": {completion.Note}"), by, now), now);
        return completion;
    }

    /// <summary>Moves the case to another playbook (its latest version), starting at its first stage; everything recorded stays.</summary>
    public void SwitchPlaybook(Playbook playbook, string reason, Actor by, DateTime now)
    {
        EnsureNotClosed("switch the playbook of");
        var why = Clean(reason, NoteLength, "reason") ?? throw new DomainRuleException("Say why the case should follow a different playbook.");
        if (playbook.Id == PlaybookId && playbook.Version == PlaybookVersion)
        {
            throw new DomainRuleException($"The case already follows {playbook.Name} (version {playbook.Version}).");
        }
        PlaybookId = playbook.Id;
        PlaybookVersion = playbook.Version;
        StageId = playbook.FirstStage.Id;
        StageEnteredAt = now;
        Record(new TimelineEvent(TimelineKinds.PlaybookSwitched,
            $"{by.Name} switched the case to {playbook.Name} (version {playbook.Version}), stage {playbook.FirstStage.Title}. Reason: {why}", by, now), now);
    }

    public void RecordProblemStatement(string statement, Actor by, DateTime now)
    {
        EnsureNotClosed("restate the problem of");
        var text = Clean(statement, ProblemStatementLength, "problem statement") ?? throw new DomainRuleException("The problem statement is empty.");
        if (text == ProblemStatement)
        {
            throw new DomainRuleException("The problem statement is unchanged.");
        }
        var withdrawn = ProblemConfirmedAt is not null;
        ProblemStatement = text;
        ProblemStatedAt = now;
        ProblemStatedBy = by.Name;
        (ProblemConfirmedAt, ProblemConfirmedVia, ProblemConfirmationRecordedBy) = (null, null, null);
        Record(new TimelineEvent(TimelineKinds.ProblemStated,
            $"{by.Name} {(withdrawn ? "rewrote" : "wrote")} the problem statement: \"{Shorten(text)}\""
            + (withdrawn ? " (the customer's earlier confirmation was of the old wording, so they confirm again)" : ""), by, now), now);
    }

    /// <summary>The customer said the problem statement is right: recorded from a call, e-mail or visit, with who and when.</summary>
    public void RecordProblemConfirmed(Channel via, Actor recordedBy, DateTime now)
    {
        EnsureNotClosed("record a confirmation on");
        if (ProblemStatement is null)
        {
            throw new DomainRuleException("There is no problem statement to confirm yet: write it first, then read it back to the customer.");
        }
        if (ProblemConfirmedAt is not null)
        {
            throw new DomainRuleException("The customer has already confirmed this problem statement.");
        }
        (ProblemConfirmedAt, ProblemConfirmedVia, ProblemConfirmationRecordedBy) = (now, via, recordedBy.Name);
        Record(new TimelineEvent(TimelineKinds.ProblemConfirmed,
            $"{Customer?.Name ?? "The customer"} confirmed the problem statement ({Via(via)}, recorded by {recordedBy.Name})", recordedBy, now), now);
    }

    public void RecordAllSaid(Channel via, Actor recordedBy, DateTime now)
    {
        EnsureNotClosed("record a confirmation on");
        if (AllSaidAt is not null)
        {
            throw new DomainRuleException("The customer has already said that is everything.");
        }
        (AllSaidAt, AllSaidVia, AllSaidRecordedBy) = (now, via, recordedBy.Name);
        Record(new TimelineEvent(TimelineKinds.AllSaid,
            $"{Customer?.Name ?? "The customer"} said that is everything ({Via(via)}, recorded by {recordedBy.Name})", recordedBy, now), now);
    }

    /// <summary>Replaces the action plan: one to three actions, sorted most immediate first.</summary>
    public void SetActionPlan(IReadOnlyList<ActionInput> actions, Actor by, DateTime now)
    {
        EnsureNotClosed("plan");
        if (actions.Count is 0 or > MaxActions)
        {
            throw new DomainRuleException($"An action plan has one to {MaxActions} actions; this one has {actions.Count}.");
        }
        _actions.Clear();
        var position = 1;
        foreach (var action in actions.OrderBy(a => a.DueAt))
        {
            var description = Clean(action.Description, 500, "action") ?? throw new DomainRuleException("Every action needs a description.");
            if (!action.Done && action.DueAt < now)
            {
                throw new DomainRuleException($"'{description}' is due {action.DueAt:d MMM yyyy HH:mm} UTC, which has passed; give it a date still to come, or mark it done.");
            }
            _actions.Add(new PlannedAction(position++, description, action.OwnerId, action.OwnerName, action.DueAt, action.Done ? now : null));
        }
        Record(new TimelineEvent(TimelineKinds.ActionPlanSet, $"{by.Name} set the action plan: " + string.Join("; ",
            _actions.Select(a => $"{a.Position}. {a.Description} ({a.OwnerName}, by {a.DueAt:ddd d MMM HH:mm} UTC{(a.IsDone ? ", done" : "")})")), by, now), now);
    }

    /// <summary>The plan as the customer reads it in an update.</summary>
    public string? ActionPlanForCustomer() => _actions.Count == 0 ? null :
        "What we are doing for you:\n" + string.Join("\n", _actions.Select(a =>
            $"{a.Position}. {a.Description} — {a.OwnerName}, {(a.IsDone ? "done" : $"by {a.DueAt:dddd d MMMM, HH:mm} UTC")}"));

    /// <summary>The remedy the customer agreed to. Never before they confirmed what the problem is.</summary>
    public void AgreeRemedy(string remedy, Channel via, Actor by, DateTime now)
    {
        EnsureNotClosed("agree a remedy on");
        if (ProblemConfirmedAt is null)
        {
            throw new DomainRuleException("No remedy before the customer has confirmed the problem statement: read it back to them and record their confirmation first.");
        }
        var text = Clean(remedy, RemedyLength, "remedy") ?? throw new DomainRuleException("Describe the remedy the customer agreed to.");
        (AgreedRemedy, RemedyAgreedAt) = (text, now);
        Record(new TimelineEvent(TimelineKinds.RemedyAgreed, $"{Customer?.Name ?? "The customer"} agreed the remedy ({Via(via)}, recorded by {by.Name}): {Shorten(text)}", by, now), now);
    }

    /// <summary>A follow-up contact (reached or not). A former owner following up has circled back.</summary>
    public void RecordFollowUp(bool reached, string? note, Actor by, DateTime now)
    {
        EnsureNotClosed("follow up on");
        var text = Clean(note, NoteLength, "note");
        FollowUpAttempts++;
        LastFollowUpAt = now;
        CircleBack(by.Id, now);
        Record(new TimelineEvent(TimelineKinds.FollowUp,
            $"{by.Name} followed up ({(reached ? "reached the customer" : "could not reach the customer")}, attempt {FollowUpAttempts})" + (text is null ? "" : $": {text}"), by, now), now);
    }

    /// <summary>The customer's answer to "are you satisfied?", with an optional 1-5 rating.</summary>
    public void RecordSatisfaction(bool satisfied, int? rating, string? comment, Channel via, Actor by, DateTime now)
    {
        EnsureNotClosed("record satisfaction on");
        if (rating is < 1 or > 5)
        {
            throw new DomainRuleException("A rating is from 1 to 5.");
        }
        var text = Clean(comment, NoteLength, "comment");
        (Satisfied, SatisfactionRating, SatisfactionAnsweredAt) = (satisfied, rating, now);
        Record(new TimelineEvent(TimelineKinds.SatisfactionRecorded,
            $"{Customer?.Name ?? "The customer"} said they are {(satisfied ? "satisfied" : "not satisfied")}" + (rating is null ? "" : $" ({rating}/5)")
            + $" ({Via(via)}, recorded by {by.Name})" + (text is null ? "" : $": \"{Shorten(text)}\""), by, now), now);
    }

    /// <summary>A former owner who writes to or follows up with the customer (or owns the case again) has circled back.</summary>
    private void CircleBack(string? staffId, DateTime now)
    {
        foreach (var duty in _circleBackDuties.Where(d => d.StaffId == staffId && d.CircledBackAt is null))
        {
            duty.Discharge(now);
        }
    }

    private Playbook EnsureFollows(Playbook playbook) =>
        playbook.Id == PlaybookId && playbook.Version == PlaybookVersion
            ? playbook
            : throw new InvalidOperationException($"The case follows {PlaybookId} v{PlaybookVersion}, not {playbook.Id} v{playbook.Version}.");

    private static string? Clean(string? text, int maxLength, string what)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length <= maxLength ? trimmed : throw new DomainRuleException($"The {what} is {trimmed.Length:N0} characters; the limit is {maxLength:N0}.");
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 157), "...");

    private static string Via(Channel channel) => channel switch
    {
        Channel.Phone => "by phone",
        Channel.Email => "by e-mail",
        Channel.InPerson => "in person",
        Channel.Letter => "by letter",
        Channel.Web => "on the web",
        _ => $"by {WireNames.Of(channel).Replace('_', ' ')}",
    };
}
