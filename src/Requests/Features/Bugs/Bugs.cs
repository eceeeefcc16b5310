using MarketingDev.Contracts.Events.Requests;
using MarketingDev.Requests.Data;
using MarketingDev.Requests.Domain;
using MarketingDev.Requests.Features.Clarifications;
using MarketingDev.Requests.Features.Queries;
using MarketingDev.ServiceDefaults;
using MarketingDev.ServiceDefaults.Errors;
using MarketingDev.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MarketingDev.Requests.Features.Bugs;

public sealed record BugInput(string RequestId, string Title, IReadOnlyList<string> Steps, string Expected, string Actual,
    BugEnvironment Environment, BugSeverity Severity, IReadOnlyList<string> Evidence);

public sealed record TransitionBug(string Id, BugStatus To, string? Reason, Actor Actor, int ExpectedVersion);

/// <summary>Status null: any.</summary>
public sealed record ListBugs(string? RequestId, BugStatus? Status, int? Limit, string? Cursor);

/// <summary>
/// Structured bug reports: open → fixed → verified, or wontFix (with a reason); a fixed bug that is not fixed goes back
/// to open. Developers fix and decline; whoever reported it, marketing, leads and admins verify or reopen.
/// </summary>
public sealed class BugsHandler(RequestsDbContext db, TimeProvider clock)
{
    private static readonly (BugStatus From, BugStatus To, bool ByDevelopers, bool ReasonRequired)[] Moves =
    [
        (BugStatus.Open, BugStatus.Fixed, true, false),
        (BugStatus.Open, BugStatus.WontFix, true, true),
        (BugStatus.Fixed, BugStatus.Verified, false, false),
        (BugStatus.Fixed, BugStatus.Open, false, true),
        (BugStatus.WontFix, BugStatus.Open, false, true),
    ];

    /// <summary>idempotencyKey (from the Gateway) makes a retry return the first report.</summary>
    public async Task<Bug> ReportAsync(BugInput input, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var errors = Validate(input);
        Request? request = null;
        if (!string.IsNullOrEmpty(input.RequestId))
        {
            request = Guid.TryParse(input.RequestId, out var requestId) ? await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct) : null;
            if (request is null)
            {
                errors.Add(new("#/requestId", "No request has this id."));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (await db.CreatedEarlierAsync<Bug>(idempotencyKey, actor.Id, ct) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetStoredUtcNow();
        var bug = Bug.Report(await db.NextBugNumberAsync(ct), request?.Id, input.Title, input.Steps, input.Expected, input.Actual,
            input.Environment, input.Severity, input.Evidence, actor, now);
        db.Bugs.Add(bug);
        db.Publish(new BugReported(Guid.CreateVersion7(now), now, bug.Id, bug.Key, request?.Id, request?.Key, request?.DeliveredAt,
            WireName.ToWire(input.Severity), actor.Name));
        db.RememberCreated<Bug>(idempotencyKey, actor.Id, bug.Id, now);
        return await db.SaveChangesOrEarlierAsync<Bug>(idempotencyKey, actor.Id, ct) ?? bug;
    }

    public async Task<Bug> GetAsync(string id, CancellationToken ct) =>
        (Guid.TryParse(id, out var bugId) ? await db.Bugs.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bugId, ct) : null)
        ?? throw new NotFoundException("Bug", id);

    public async Task<Bug> TransitionAsync(TransitionBug command, CancellationToken ct)
    {
        var to = command.To;
        if (!Enum.IsDefined(to))
        {
            throw new InvalidInputException("#/to", $"Status must be one of: {WireName.Names<BugStatus>()}.");
        }

        var bug = (Guid.TryParse(command.Id, out var id) ? await db.Bugs.SingleOrDefaultAsync(b => b.Id == id, ct) : null)
            ?? throw new NotFoundException("Bug", command.Id);
        if (command.ExpectedVersion != 0 && command.ExpectedVersion != bug.Version)
        {
            throw new StaleVersionException(command.ExpectedVersion, bug.Version);
        }

        var move = Moves.FirstOrDefault(m => m.From == bug.Status && m.To == to);
        if (move == default)
        {
            throw new ConflictException($"A {WireName.ToWire(bug.Status)} bug cannot become {WireName.ToWire(to)}.",
                Moves.Where(m => m.From == bug.Status).Select(m => WireName.ToWire(m.To)).ToList());
        }

        var allowed = command.Actor.IsLeadOrAdmin
            || (move.ByDevelopers ? command.Actor.Role == Role.Developer : command.Actor.Role == Role.Marketing || command.Actor.Id == bug.ReportedById);
        if (!allowed)
        {
            throw new ForbiddenException($"A {WireName.ToWire(command.Actor.Role)} may not move a bug from {WireName.ToWire(move.From)} to {WireName.ToWire(move.To)}.");
        }

        if (move.ReasonRequired && string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new InvalidInputException("#/reason", "Say why.");
        }

        bug.MoveTo(to, clock.GetStoredUtcNow());
        await db.SaveChangesAsync(ct);
        return bug;
    }

    public async Task<(IReadOnlyList<Bug> Items, string? NextCursor)> ListAsync(ListBugs query, CancellationToken ct)
    {
        var limit = Paging.Limit(query.Limit);
        IQueryable<Bug> bugs = db.Bugs.AsNoTracking();
        if (!string.IsNullOrEmpty(query.RequestId))
        {
            bugs = Guid.TryParse(query.RequestId, out var requestId)
                ? bugs.Where(b => b.RequestId == requestId)
                : throw new InvalidInputException("#/requestId", "Not a request id.");
        }

        if (query.Status is { } status)
        {
            bugs = Enum.IsDefined(status)
                ? bugs.Where(b => b.Status == status)
                : throw new InvalidInputException("#/status", $"Status must be one of: {WireName.Names<BugStatus>()}.");
        }

        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var after = Cursor.Decode(query.Cursor);
            bugs = bugs.Where(b => b.Number < after);
        }

        return Paging.Page(await bugs.OrderByDescending(b => b.Number).Take(limit + 1).ToListAsync(ct), limit, b => b.Number);
    }

    private static List<FieldError> Validate(BugInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200)
        {
            errors.Add(new("#/title", "A title of 1 to 200 characters is required."));
        }

        if (!Enum.IsDefined(input.Severity))
        {
            errors.Add(new("#/severity", $"Severity must be one of: {WireName.Names<BugSeverity>()}."));
        }

        if (input.Steps.Count > 50 || input.Steps.Any(s => s.Length > Text.Max))
        {
            errors.Add(new("#/stepsToReproduce", $"At most 50 steps of at most {Text.Max} characters."));
        }

        foreach (var (text, pointer) in new[] { (input.Expected, "#/expected"), (input.Actual, "#/actual") })
        {
            if (text.Length > Text.Max)
            {
                errors.Add(new(pointer, $"At most {Text.Max} characters."));
            }
        }

        if (input.Environment.Url.Length > 0 && !Drafting.RequestContentValidator.IsHttpUrl(input.Environment.Url))
        {
            errors.Add(new("#/environment/url", "The page URL must be an absolute http(s) URL."));
        }

        for (var i = 0; i < input.Evidence.Count; i++)
        {
            if (!Drafting.RequestContentValidator.IsHttpUrl(input.Evidence[i]))
            {
                errors.Add(new($"#/evidence/{i}", "Evidence must be an absolute http(s) URL."));
            }
        }

        return errors;
    }
}
