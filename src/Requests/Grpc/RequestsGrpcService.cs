using Grpc.Core;
using MarketingDev.Contracts.Grpc.Requests;
using MarketingDev.Requests.Features.Drafting;
using MarketingDev.Requests.Features.Queries;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Requests.Grpc;

/// <summary>Thin: proto → command, call the handler, map back. Domain failures become status codes in the interceptor.</summary>
public sealed class RequestsGrpcService(IServiceProvider services) : Proto.Requests.RequestsBase
{
    public override async Task<RequestReply> DraftRequest(DraftRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<DraftRequestHandler>().HandleAsync(
            new DraftRequest(command.Content.ToInput(), command.Requester), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestReply> GetRequest(GetRequestQuery query, ServerCallContext context)
    {
        var request = await Handler<GetRequestHandler>().HandleAsync(query.Id, context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<Proto.RequestPage> ListRequests(ListRequestsQuery query, ServerCallContext context)
    {
        var page = await Handler<ListRequestsHandler>().HandleAsync(
            new ListRequests(query.Limit, query.Cursor), context.CancellationToken);
        var reply = new Proto.RequestPage { NextCursor = page.NextCursor ?? "" };
        reply.Items.AddRange(page.Items.Select(r => r.ToProto()));
        return reply;
    }

    public override async Task<RequestReply> UpdateRequest(UpdateRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<Features.Editing.UpdateRequestHandler>().HandleAsync(
            new Features.Editing.UpdateRequest(command.Id, command.Content.ToInput(), command.Actor.ToDomain(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<ReadinessReport> CheckReadiness(CheckReadinessQuery query, ServerCallContext context) =>
        (await Handler<Features.Readiness.CheckReadinessHandler>().LintAsync(query.Content.ToInput(), context.CancellationToken)).ToProto();

    public override async Task<ReadinessReport> GetReadiness(GetRequestQuery query, ServerCallContext context) =>
        (await Handler<Features.Readiness.CheckReadinessHandler>().LintStoredAsync(query.Id, context.CancellationToken)).ToProto();

    public override Task<RequestReply> SubmitRequest(SubmitRequestCommand command, ServerCallContext context) =>
        TransitionRequest(new TransitionRequestCommand { Id = command.Id, To = "submitted", Actor = command.Actor, ExpectedVersion = command.ExpectedVersion }, context);

    public override async Task<RequestReply> TransitionRequest(TransitionRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<Features.Workflow.TransitionRequestHandler>().HandleAsync(
            new Features.Workflow.TransitionRequest(command.Id, command.To, command.Reason, command.Actor.ToDomain(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestReply> EstimateRequest(EstimateRequestCommand command, ServerCallContext context)
    {
        var request = await Handler<Features.Workflow.EstimateRequestHandler>().HandleAsync(
            new Features.Workflow.EstimateRequest(command.Id, command.Estimate?.Size ?? "", command.Estimate?.Days ?? 0,
                command.HasQuickWin ? command.QuickWin : null, command.Actor.ToDomain(), command.ExpectedVersion), context.CancellationToken);
        return new RequestReply { Request = request.ToProto() };
    }

    public override async Task<RequestHistory> GetHistory(GetRequestQuery query, ServerCallContext context)
    {
        var history = new RequestHistory();
        history.Entries.AddRange((await Handler<GetHistoryHandler>().HandleAsync(query.Id, context.CancellationToken)).Select(c => c.ToProto()));
        return history;
    }

    private T Handler<T>() where T : notnull => services.GetRequiredService<T>();
}
