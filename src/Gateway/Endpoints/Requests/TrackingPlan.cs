using System.Text;
using Microsoft.Net.Http.Headers;
using Proto = MarketingDev.Contracts.Grpc.Requests;

namespace MarketingDev.Gateway.Endpoints.Requests;

public sealed record TrackingPlanView(Guid RequestId, string Key, string Title, IReadOnlyList<TrackingRequirementDto> Events, IReadOnlyList<FindingView> Findings);

/// <summary>
/// The GA4 measurement plan of a request, for the analyst who implements it: JSON by default, CSV (RFC 4180, one row
/// per event and parameter) when the client asks for text/csv. GA4 findings of the readiness check come along in JSON.
/// </summary>
internal static class TrackingPlan
{
    public static async Task<IResult> GetAsync(Guid id, Proto.Requests.RequestsClient requests, HttpContext http, CancellationToken ct)
    {
        var request = (await requests.GetRequestAsync(new Proto.GetRequestQuery { Id = id.ToString() }, cancellationToken: ct)).Request.ToView();
        var wantsCsv = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        if (wantsCsv)
        {
            var file = $"{request.Key}-tracking-plan.csv";
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = file }.ToString();
            return TypedResults.Text(Csv(request.TrackingRequirements), "text/csv; charset=utf-8");
        }

        var readiness = await requests.GetReadinessAsync(new Proto.GetRequestQuery { Id = id.ToString() }, cancellationToken: ct);
        var findings = readiness.Findings.Where(f => f.Code.StartsWith("GA4_", StringComparison.Ordinal) || f.Code == "NO_TRACKING")
            .Select(f => f.ToView()).ToList();
        return TypedResults.Ok(new TrackingPlanView(request.Id, request.Key, request.Title, request.TrackingRequirements, findings));
    }

    internal static string Csv(IReadOnlyList<TrackingRequirementDto> events)
    {
        var csv = new StringBuilder("event_name,trigger,parameter_name,parameter_description\r\n");
        foreach (var e in events)
        {
            var parameters = e.Parameters is { Count: > 0 } list ? list : [new TrackingParameterDto("", "")];
            foreach (var p in parameters)
            {
                csv.Append(Field(e.EventName)).Append(',').Append(Field(e.Trigger)).Append(',')
                   .Append(Field(p.Name)).Append(',').Append(Field(p.Description)).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
