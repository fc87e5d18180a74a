namespace Redress;

/// <summary>The domain refused an action; the message names the unmet rule and is shown to users as is.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
