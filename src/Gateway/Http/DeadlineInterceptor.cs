using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MarketingDev.Gateway.Http;

/// <summary>
/// Every call to a service gets a deadline (Gateway:ServiceCallTimeout) unless it has one: a frozen service must cost a
/// caller a few seconds and a 503 with Retry-After, not a connection held for minutes. Calls are not retried here: a
/// command retried after a lost reply could apply twice (idempotent retries go through Idempotency-Key instead).
/// </summary>
internal sealed class DeadlineInterceptor(TimeSpan timeout, TimeProvider clock) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(
                context.Method, context.Host, context.Options.WithDeadline(clock.GetUtcNow().UtcDateTime + timeout));
        }

        return continuation(request, context);
    }
}
