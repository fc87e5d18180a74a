using Microsoft.AspNetCore.Identity;

namespace Redress.Web.Identity;

/// <summary>A member of staff who signs in: an agent, a supervisor or an admin.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

public static class Roles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Agent, Supervisor, Admin];
}

/// <summary>Authorization policies: each role includes the powers of the ones below it.</summary>
public static class Policies
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
}

public static class StaffSchemes
{
    public const string Default = "staff";
}
