using Grpc.Core;
using MarketingDev.Contracts.Grpc.Requests;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.Requests.Features.Queries;
using MarketingDev.ServiceDefaults.Identity;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Grpc;

/// <summary>Thin: proto → command, call the handler, map back. Domain failures become status codes in the interceptor.</summary>
public sealed class RequestsGrpcService(IServiceProvider services) : Proto.Requests.RequestsBase
{
    public override async Task<RequestReply> DraftRequest(DraftRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<DraftRequestHandler>().HandleAsync(
            new DraftRequest(command.Content.ToDomain(), context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestReply> GetRequest(GetRequestQuery query, ServerCallContext context)
    {
        var handler = Handler<GetRequestHandler>();
        var request = await handler.HandleAsync(query.Id, context.CancellationToken);
        var open = await handler.OpenClarificationsAsync([request.Id], context.CancellationToken);
        return new RequestReply { Request = request.ToProto(open.GetValueOrDefault(request.Id)) };
    }

    public override async Task<Proto.RequestPage> ListRequests(ListRequestsQuery query, ServerCallContext context)
    {
        var page = await Handler<ListRequestsHandler>().HandleAsync(
            new ListRequests(query.HasLimit ? query.Limit : null, query.Cursor,
                query.Status == 0 ? null : (Domain.RequestStatus)query.Status, query.Type == 0 ? null : (Domain.RequestType)query.Type,
                query.Priority == 0 ? null : (Domain.Priority)query.Priority,
                ProtoMapping.ToDate(query.LaunchFrom, "#/launchFrom"), ProtoMapping.ToDate(query.LaunchTo, "#/launchTo"), query.Q), context.CancellationToken);
        var open = await Handler<GetRequestHandler>().OpenClarificationsAsync(page.Items.Select(r => r.Id).ToList(), context.CancellationToken);
        var reply = new Proto.RequestPage { NextCursor = page.NextCursor ?? "" };
        reply.Items.AddRange(page.Items.Select(r => r.ToProto(open.GetValueOrDefault(r.Id))));
        return reply;
    }

    public override async Task<RequestReply> UpdateRequest(UpdateRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<Features.Editing.UpdateRequestHandler>().HandleAsync(
            new Features.Editing.UpdateRequest(command.Id, command.Content.ToDomain(), context.GetActor(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<ReadinessReport> CheckReadiness(CheckReadinessQuery query, ServerCallContext context) =>
        (await Handler<Features.Readiness.CheckReadinessHandler>().LintAsync(query.Content.ToDomain(), context.CancellationToken)).ToProto();

    public override async Task<ReadinessReport> GetReadiness(GetRequestQuery query, ServerCallContext context) =>
        (await Handler<Features.Readiness.CheckReadinessHandler>().LintStoredAsync(query.Id, context.CancellationToken)).ToProto();

    public override Task<RequestReply> SubmitRequest(SubmitRequestCommand command, ServerCallContext context) =>
        TransitionRequest(new TransitionRequestCommand { Id = command.Id, To = Proto.RequestStatus.Submitted, ExpectedVersion = command.ExpectedVersion }, context);

    public override async Task<RequestReply> TransitionRequest(TransitionRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<Features.Workflow.TransitionRequestHandler>().HandleAsync(
            new Features.Workflow.TransitionRequest(command.Id, (Domain.RequestStatus)command.To, command.Reason, context.GetActor(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestReply> EstimateRequest(EstimateRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<Features.Workflow.EstimateRequestHandler>().HandleAsync(
            new Features.Workflow.EstimateRequest(command.Id, (Domain.EstimateSize)(command.Estimate?.Size ?? 0), command.Estimate?.Days ?? 0,
                command.HasQuickWin ? command.QuickWin : null, context.GetActor(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestHistory> GetHistory(GetRequestQuery query, ServerCallContext context)
    {
        var history = new RequestHistory();
        history.Entries.AddRange((await Handler<GetHistoryHandler>().HandleAsync(query.Id, context.CancellationToken)).Select(c => c.ToProto()));
        return history;
    }

    public override async Task<Proto.Clarification> AskClarification(AskClarificationCommand command, ServerCallContext context) =>
        (await Handler<Features.Clarifications.ClarificationsHandler>().AskAsync(
            new Features.Clarifications.AskClarification(command.RequestId, command.Question, context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToProto();

    public override async Task<Proto.Clarification> AnswerClarification(AnswerClarificationCommand command, ServerCallContext context) =>
        (await Handler<Features.Clarifications.ClarificationsHandler>().AnswerAsync(
            new Features.Clarifications.AnswerClarification(command.RequestId, command.ClarificationId, command.Answer, context.GetActor()), context.CancellationToken)).ToProto();

    public override async Task<ClarificationList> ListClarifications(GetRequestQuery query, ServerCallContext context)
    {
        var list = new ClarificationList();
        list.Items.AddRange((await Handler<Features.Clarifications.ClarificationsHandler>().ListAsync(query.Id, context.CancellationToken)).Select(c => c.ToProto()));
        return list;
    }

    public override async Task<Proto.Roadblock> RaiseRoadblock(RaiseRoadblockCommand command, ServerCallContext context) =>
        (await Handler<Features.Roadblocks.RoadblocksHandler>().RaiseAsync(
            new Features.Roadblocks.RaiseRoadblock(command.RequestId, command.Description, (Domain.RoadblockSeverity)command.Severity, context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToProto();

    public override async Task<Proto.Roadblock> ResolveRoadblock(ResolveRoadblockCommand command, ServerCallContext context) =>
        (await Handler<Features.Roadblocks.RoadblocksHandler>().ResolveAsync(
            new Features.Roadblocks.ResolveRoadblock(command.RoadblockId, command.Resolution, context.GetActor()), context.CancellationToken)).ToProto();

    public override async Task<RoadblockPage> ListRoadblocks(ListRoadblocksQuery query, ServerCallContext context)
    {
        var (items, next) = await Handler<Features.Roadblocks.RoadblocksHandler>().ListAsync(
            new Features.Roadblocks.ListRoadblocks(query.Status == 0 ? null : (Domain.RoadblockStatus)query.Status, query.HasLimit ? query.Limit : null, query.Cursor), context.CancellationToken);
        var page = new RoadblockPage { NextCursor = next ?? "" };
        page.Items.AddRange(items.Select(r => r.ToProto()));
        return page;
    }

    public override async Task<BugReply> ReportBug(ReportBugCommand command, ServerCallContext context) =>
        WithLint(await Handler<Features.Bugs.BugsHandler>().ReportAsync(command.Content.ToInput(), context.GetActor(), context.GetIdempotencyKey(), context.CancellationToken));

    public override async Task<BugReply> GetBug(GetBugQuery query, ServerCallContext context) =>
        WithLint(await Handler<Features.Bugs.BugsHandler>().GetAsync(query.Id, context.CancellationToken));

    public override async Task<BugReply> TransitionBug(TransitionBugCommand command, ServerCallContext context) =>
        WithLint(await Handler<Features.Bugs.BugsHandler>().TransitionAsync(
            new Features.Bugs.TransitionBug(command.Id, (Domain.BugStatus)command.To, command.Reason, context.GetActor(), command.ExpectedVersion), context.CancellationToken));

    public override async Task<BugPage> ListBugs(ListBugsQuery query, ServerCallContext context)
    {
        var (items, next) = await Handler<Features.Bugs.BugsHandler>().ListAsync(
            new Features.Bugs.ListBugs(query.RequestId, query.Status == 0 ? null : (Domain.BugStatus)query.Status, query.HasLimit ? query.Limit : null, query.Cursor), context.CancellationToken);
        var page = new BugPage { NextCursor = next ?? "" };
        page.Items.AddRange(items.Select(b => b.ToProto()));
        return page;
    }

    private static BugReply WithLint(Domain.Bug bug)
    {
        var reply = new BugReply { Bug = bug.ToProto() };
        reply.Lint.AddRange(Features.Bugs.BugLinter.Lint(bug).Select(f => f.ToProto()));
        return reply;
    }

    private T Handler<T>() where T : notnull => services.GetRequiredService<T>();
}
