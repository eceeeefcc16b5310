using Grpc.Core;
using MarketingDev.Contracts.Grpc.Requests;
using MarketingDev.Requests.Features.Bugs;
using MarketingDev.Requests.Features.Clarifications;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.Requests.Features.Editing;
using MarketingDev.Requests.Features.Queries;
using MarketingDev.Requests.Features.Readiness;
using MarketingDev.Requests.Features.Roadblocks;
using MarketingDev.Requests.Features.Workflow;
using Domain = MarketingDev.Requests.Domain;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Grpc;

/// <summary>Thin: proto → command (the actor from the call's service token), call the handler, map back. Domain failures become status codes in the interceptor.</summary>
public sealed class RequestsGrpcService(
    DraftRequestHandler draft,
    GetRequestHandler get,
    ListRequestsHandler list,
    UpdateRequestHandler update,
    CheckReadinessHandler checkReadiness,
    GetReadinessHandler getReadiness,
    TransitionRequestHandler transition,
    EstimateRequestHandler estimate,
    GetHistoryHandler history,
    AskClarificationHandler ask,
    AnswerClarificationHandler answer,
    ListClarificationsHandler clarifications,
    RaiseRoadblockHandler raise,
    ResolveRoadblockHandler resolve,
    ListRoadblocksHandler roadblocks,
    ReportBugHandler report,
    GetBugHandler getBug,
    TransitionBugHandler transitionBug,
    ListBugsHandler bugs) : Proto.Requests.RequestsBase
{
    public override async Task<RequestReply> DraftRequest(DraftRequestCommand command, ServerCallContext context)
    {
        var request = await draft.HandleAsync(
            new DraftRequest(command.Content.ToDomain(), context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestReply> GetRequest(GetRequestQuery query, ServerCallContext context)
    {
        var (request, open) = await get.HandleAsync(query.Id, context.CancellationToken);
        return new RequestReply { Request = request.ToProto(open) };
    }

    public override async Task<Proto.RequestPage> ListRequests(ListRequestsQuery query, ServerCallContext context)
    {
        var page = await list.HandleAsync(query.ToQuery(), context.CancellationToken);
        var reply = new Proto.RequestPage { NextCursor = page.NextCursor ?? "" };
        reply.Items.AddRange(page.Items.Select(r => r.ToProto(page.OpenClarifications.GetValueOrDefault(r.Id))));
        return reply;
    }

    public override async Task<RequestReply> UpdateRequest(UpdateRequestCommand command, ServerCallContext context)
    {
        var request = await update.HandleAsync(
            new UpdateRequest(command.Id, command.Content.ToDomain(), context.GetActor(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<Proto.ReadinessReport> CheckReadiness(CheckReadinessQuery query, ServerCallContext context) =>
        (await checkReadiness.HandleAsync(query.Content.ToDomain(), context.CancellationToken)).ToProto();

    public override async Task<Proto.ReadinessReport> GetReadiness(GetRequestQuery query, ServerCallContext context) =>
        (await getReadiness.HandleAsync(query.Id, context.CancellationToken)).ToProto();

    public override Task<RequestReply> SubmitRequest(SubmitRequestCommand command, ServerCallContext context) =>
        TransitionRequest(new TransitionRequestCommand { Id = command.Id, To = Proto.RequestStatus.Submitted, ExpectedVersion = command.ExpectedVersion }, context);

    public override async Task<RequestReply> TransitionRequest(TransitionRequestCommand command, ServerCallContext context)
    {
        var request = await transition.HandleAsync(
            new TransitionRequest(command.Id, (Domain.RequestStatus)command.To, command.Reason, context.GetActor(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestReply> EstimateRequest(EstimateRequestCommand command, ServerCallContext context)
    {
        var request = await estimate.HandleAsync(
            new EstimateRequest(command.Id, (Domain.EstimateSize)(command.Estimate?.Size ?? 0), command.Estimate?.Days ?? 0,
                command.HasQuickWin ? command.QuickWin : null, context.GetActor(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestHistory> GetHistory(GetRequestQuery query, ServerCallContext context)
    {
        var reply = new RequestHistory();
        reply.Entries.AddRange((await history.HandleAsync(query.Id, context.CancellationToken)).Select(c => c.ToProto()));
        return reply;
    }

    public override async Task<Proto.Clarification> AskClarification(AskClarificationCommand command, ServerCallContext context) =>
        (await ask.HandleAsync(
            new AskClarification(command.RequestId, command.Question, context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToProto();

    public override async Task<Proto.Clarification> AnswerClarification(AnswerClarificationCommand command, ServerCallContext context) =>
        (await answer.HandleAsync(
            new AnswerClarification(command.RequestId, command.ClarificationId, command.Answer, context.GetActor()), context.CancellationToken)).ToProto();

    public override async Task<ClarificationList> ListClarifications(GetRequestQuery query, ServerCallContext context)
    {
        var reply = new ClarificationList();
        reply.Items.AddRange((await clarifications.HandleAsync(query.Id, context.CancellationToken)).Select(c => c.ToProto()));
        return reply;
    }

    public override async Task<Proto.Roadblock> RaiseRoadblock(RaiseRoadblockCommand command, ServerCallContext context) =>
        (await raise.HandleAsync(
            new RaiseRoadblock(command.RequestId, command.Description, (Domain.RoadblockSeverity)command.Severity, context.GetActor(), context.GetIdempotencyKey()),
            context.CancellationToken)).ToProto();

    public override async Task<Proto.Roadblock> ResolveRoadblock(ResolveRoadblockCommand command, ServerCallContext context) =>
        (await resolve.HandleAsync(new ResolveRoadblock(command.RoadblockId, command.Resolution, context.GetActor()), context.CancellationToken)).ToProto();

    public override async Task<RoadblockPage> ListRoadblocks(ListRoadblocksQuery query, ServerCallContext context)
    {
        var (items, next) = await roadblocks.HandleAsync(
            new ListRoadblocks(query.Status == 0 ? null : (Domain.RoadblockStatus)query.Status, query.HasLimit ? query.Limit : null, query.Cursor), context.CancellationToken);
        var page = new RoadblockPage { NextCursor = next ?? "" };
        page.Items.AddRange(items.Select(r => r.ToProto()));
        return page;
    }

    public override async Task<BugReply> ReportBug(ReportBugCommand command, ServerCallContext context) =>
        (await report.HandleAsync(command.Content.ToCommand(context.GetActor(), context.GetIdempotencyKey()), context.CancellationToken)).ToReply();

    public override async Task<BugReply> GetBug(GetBugQuery query, ServerCallContext context) =>
        (await getBug.HandleAsync(query.Id, context.CancellationToken)).ToReply();

    public override async Task<BugReply> TransitionBug(TransitionBugCommand command, ServerCallContext context) =>
        (await transitionBug.HandleAsync(
            new TransitionBug(command.Id, (Domain.BugStatus)command.To, command.Reason, context.GetActor(), command.ExpectedVersion), context.CancellationToken)).ToReply();

    public override async Task<BugPage> ListBugs(ListBugsQuery query, ServerCallContext context)
    {
        var (items, next) = await bugs.HandleAsync(
            new ListBugs(query.RequestId, query.Status == 0 ? null : (Domain.BugStatus)query.Status, query.HasLimit ? query.Limit : null, query.Cursor), context.CancellationToken);
        var page = new BugPage { NextCursor = next ?? "" };
        page.Items.AddRange(items.Select(b => b.ToProto()));
        return page;
    }
}
