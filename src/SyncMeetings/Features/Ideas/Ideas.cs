using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Identity;
using MarketingDev.SyncMeetings.Data;
using MarketingDev.SyncMeetings.Domain;
using MarketingDev.SyncMeetings.Features.Series;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.SyncMeetings.Features.Ideas;

public sealed record AddIdea(string SeriesId, string Text, Actor Actor);

public sealed record DecideIdea(string IdeaId, IdeaStatus? Decision, string? RequestId, bool ValidateOnly, Actor Actor);

public sealed record ListIdeas(string SeriesId, IdeaStatus? Status);

/// <summary>
/// Anyone drops an idea into a series; it is a quick win on the next agenda. Leads and admins then mark it discussed,
/// drop it, or promote it (the Gateway drafts the request in the Requests service and passes its id here).
/// </summary>
public sealed class IdeasHandler(MeetingsDbContext db, TimeProvider clock)
{
    public const int ListMax = 200;

    public async Task<Idea> AddAsync(AddIdea command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > 2000 || command.Text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidInputException("#/text", "Describe the idea in 1 to 2000 characters (no NUL).");
        }

        var series = await db.SeriesAsync(command.SeriesId, ct);
        var idea = Idea.Collect(series.Id, command.Text.Trim(), command.Actor.Id, command.Actor.Name, clock.GetStoredUtcNow());
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(ct);
        return idea;
    }

    public async Task<Idea> DecideAsync(DecideIdea command, CancellationToken ct)
    {
        if (command.Decision is not (IdeaStatus.Discussed or IdeaStatus.Dropped or IdeaStatus.Promoted))
        {
            throw new InvalidInputException("#/decision", "Decision must be one of: discussed, dropped, promoted.");
        }

        var requestId = command.RequestId.ToGuid();
        if (command.Decision == IdeaStatus.Promoted && requestId is null && !command.ValidateOnly)
        {
            throw new InvalidInputException("#/requestId", "A promoted idea names the request it became.");
        }

        var idea = (Guid.TryParse(command.IdeaId, out var id) ? await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct) : null)
            ?? throw new NotFoundException("Idea", command.IdeaId);
        Organizers.Require(command.Actor);
        if (idea.Status is IdeaStatus.Promoted or IdeaStatus.Dropped)
        {
            throw new ConflictException($"The idea is already {WireName.ToWire(idea.Status)}.");
        }

        if (!command.ValidateOnly)
        {
            idea.Decide(command.Decision.Value, requestId, clock.GetStoredUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return idea;
    }

    public async Task<IReadOnlyList<Idea>> ListAsync(ListIdeas query, CancellationToken ct)
    {
        var series = await db.SeriesAsync(query.SeriesId, ct);
        var ideas = db.Ideas.AsNoTracking().Where(i => i.SeriesId == series.Id);
        if (query.Status is { } status)
        {
            ideas = ideas.Where(i => i.Status == status);
        }

        return await ideas.OrderByDescending(i => i.CreatedAt).Take(ListMax).ToListAsync(ct);
    }
}
