namespace Redress;

/// <summary>The domain refused an action; the message names the unmet rule and is shown to users as is.</summary>
public class DomainRuleException(string message) : Exception(message);
