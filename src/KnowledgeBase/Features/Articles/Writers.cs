using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;

namespace MarketingDev.KnowledgeBase.Features.Articles;

/// <summary>Who may change the knowledge base: anyone reads, searches and asks; developers, leads and admins write and answer; admins delete.</summary>
internal static class Writers
{
    public static void EnsureMayWrite(Actor actor)
    {
        if (!actor.IsAtLeast(Role.Developer))
        {
            throw new ForbiddenException("Only developers, leads and admins write knowledge-base articles and answers.");
        }
    }

    public static void EnsureMayDelete(Actor actor)
    {
        if (actor.Role != Role.Admin)
        {
            throw new ForbiddenException("Only admins delete articles.");
        }
    }

    public static Guid ParseId(string id, string what) =>
        Guid.TryParse(id, out var guid) ? guid : throw new NotFoundException(what, id);
}
