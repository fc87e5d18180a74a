namespace Redress.Complaints;

/// <summary>Where the complaint reached us.</summary>
public enum Channel
{
    Web,
    Email,
    Api,
    Phone,
    Chat,
    Social,
    Letter,
    InPerson,
}
