namespace Redress.Customers;

/// <summary>A person who complained; found again by e-mail address so repeat contacts show up.</summary>
public sealed class Customer
{
    private Customer()
    {
    }

    public Customer(string name, string email, string? phone, DateTime createdAt)
    {
        Name = name;
        Email = email.ToLowerInvariant();
        Phone = phone;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Stored lower case: it is the lookup key.</summary>
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>Set once, by storage, when the row is written.</summary>
    public void AssignId(long id)
    {
        if (Id != 0)
        {
            throw new InvalidOperationException($"Customer {Id} already has an id.");
        }
        Id = id;
    }

    /// <summary>A returning customer may give a new phone number; we keep the latest one they gave.</summary>
    public void UpdatePhone(string? phone)
    {
        if (!string.IsNullOrWhiteSpace(phone))
        {
            Phone = phone;
        }
    }
}
