namespace Redress.Complaints;

/// <summary>Who did something to a case: a staff member (with their user id), the customer, or Redress itself.</summary>
public sealed record Actor(string? Id, string Name)
{
    public static Actor System { get; } = new(null, "Redress");

    public static Actor Customer(string name) => new(null, name);
}
