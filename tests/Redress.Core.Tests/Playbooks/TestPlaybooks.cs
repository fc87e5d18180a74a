using Redress.Playbooks;

namespace Redress.Core.Tests.Playbooks;

/// <summary>A small playbook in the documented format, so domain tests do not depend on the built-ins' wording.</summary>
public static class TestPlaybooks
{
    public const string ReturnsYaml = """
        id: returns
        name: Returns desk
        applies_to:
          categories: [returns, refund]
          priorities: [normal, high, urgent]
          channels: [web, email, phone]
        follow_up_attempts: 2
        stages:
          - id: listen
            title: Listen
            purpose: Let the customer tell the whole story.
            steps:
              - id: restate
                title: Restate the problem
                guidance: Write the problem statement and read it back.
                completion: problem_statement_recorded
                source: { file: 002_3db7366daed3e660.txt, step: "2" }
              - id: confirm
                title: Customer confirms
                guidance: Ask "Have I got that right?"
                completion: problem_statement_confirmed
              - id: rapport
                title: Find common ground
                guidance: Mention something you share.
                required: false
              - id: thank
                title: Thank them
                guidance: Thank the customer for telling us.
            gate: [customer_said_everything]
            reply:
              expect: [thanks, acknowledgement]
              avoid: [arguing]
              advice: Show you listened.
          - id: fix
            title: Fix
            steps:
              - id: agree
                title: Agree the remedy
                guidance: Ask, offer, agree.
                completion: remedy_agreed
            gate: [action_plan_set]
          - id: verify
            title: Verify
            steps:
              - id: check-back
                title: Check back
                guidance: Ask whether the fix worked.
                completion: follow_up_done
        """;

    public static Playbook Returns { get; } = Parse(ReturnsYaml) with { Version = 1 };

    public static Playbook Parse(string yaml)
    {
        var (playbook, errors) = PlaybookFormat.Parse(yaml);
        return playbook ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
    }
}
