namespace Redress.Playbooks;

/// <summary>
/// Facts about a case that complete steps and open gates. Each is derived from what the case records (see
/// <see cref="Complaints.Complaint.Holds"/>), so a step completed by a condition can never disagree with the case.
/// </summary>
public enum Condition
{
    AcknowledgementSent,
    OwnerAssigned,
    ReplySent,
    ProblemStatementRecorded,
    ProblemStatementConfirmed,
    CustomerSaidEverything,
    ActionPlanSet,
    ActionPlanDone,
    RemedyAgreed,
    FollowUpDone,
    SurveyAnswered,
    SatisfactionVerified,
    SatisfactionVerifiedOrFollowUps,
    HandoffsCircledBack,
}

public static class Conditions
{
    /// <summary>Closing a case always needs these, whatever the playbook's last gate says.</summary>
    public static readonly Condition[] Closing = [Condition.SatisfactionVerifiedOrFollowUps, Condition.HandoffsCircledBack];

    /// <summary>What is missing, in words an agent acts on.</summary>
    public static string Missing(Condition condition, int followUpAttempts) => condition switch
    {
        Condition.AcknowledgementSent => "The customer has not been sent an acknowledgement.",
        Condition.OwnerAssigned => "Nobody owns the case yet: take ownership or assign someone.",
        Condition.ReplySent => "Nobody has written to the customer personally yet.",
        Condition.ProblemStatementRecorded => "Write the problem statement: the problem in your own words.",
        Condition.ProblemStatementConfirmed => "The customer has not confirmed the problem statement yet.",
        Condition.CustomerSaidEverything => "The customer has not yet said that is everything.",
        Condition.ActionPlanSet => "Set an action plan: up to three actions, each with an owner and a due date.",
        Condition.ActionPlanDone => "Some actions in the plan are not done yet.",
        Condition.RemedyAgreed => "No remedy has been agreed with the customer yet.",
        Condition.FollowUpDone => "Follow up with the customer and record it.",
        Condition.SurveyAnswered => "The customer has not answered whether they are satisfied.",
        Condition.SatisfactionVerified => "The customer has not said they are satisfied.",
        Condition.SatisfactionVerifiedOrFollowUps =>
            $"Satisfaction is not verified: record the customer saying they are satisfied, or {followUpAttempts} follow-up attempts.",
        Condition.HandoffsCircledBack => "Someone who handed this case over has not circled back to the customer yet.",
        _ => condition.ToString(),
    };
}
