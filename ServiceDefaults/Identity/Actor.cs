namespace MarketingDev.ServiceDefaults.Identity;

/// <summary>What a caller may do, lowest to highest; a lead and an admin may do everything a role below them may.</summary>
public enum Role { Marketing, Developer, Lead, Admin }

/// <summary>
/// Who acts, as verified from the service token the Gateway signs per call: a stable id (the API key's id or the
/// identity provider's subject), a display name for people, and a role. Services never take it from a message field.
/// </summary>
public sealed record Actor(string Id, string Name, Role Role)
{
    /// <summary>The role itself, or a lead or admin (who may do what any role may); marketing and developers are peers.</summary>
    public bool IsAtLeast(Role role) => Role == role || IsLeadOrAdmin && !(Role == Role.Lead && role == Role.Admin);

    public bool IsLeadOrAdmin => Role is Role.Lead or Role.Admin;
}
