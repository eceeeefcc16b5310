using System.Text.Json.Nodes;
using MarketingDev.Gateway.Endpoints.ApiKeys;
using MarketingDev.Gateway.Endpoints.Bugs;
using MarketingDev.Gateway.Endpoints.Knowledge;
using MarketingDev.Gateway.Endpoints.Metrics;
using MarketingDev.Gateway.Endpoints.Requests;
using MarketingDev.Gateway.Endpoints.Roadblocks;
using MarketingDev.Gateway.Endpoints.SyncMeetings;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MarketingDev.Gateway.OpenApi;

/// <summary>
/// An example for each request body, by body type (Redocly checks each against its schema, so they stay valid). Add one
/// for a new body type here.
/// </summary>
internal sealed class RequestExamples : IOperationFilter
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(RequestBody)] = """
            {
              "title": "Spring campaign landing page",
              "type": "landingPage",
              "priority": "high",
              "launchDate": "2027-03-01",
              "team": "growth",
              "userStory": { "asA": "campaign manager", "iWant": "a landing page with a sign-up form", "soThat": "we capture leads from the spring campaign" },
              "acceptanceCriteria": [ { "text": "Given a visitor on 4G, when the form is submitted, then the confirmation shows within 2 s" } ],
              "marketingContext": {
                "campaignGoal": "500 qualified leads in March",
                "audience": "marketing managers at mid-size retailers",
                "businessImpact": "pipeline for Q2",
                "kpi": { "name": "sign-up conversion", "baseline": 2.1, "target": 3.5, "unit": "%" }
              },
              "designAssets": [ { "url": "https://www.figma.com/file/abc123/spring-landing", "kind": "figma", "label": "Final design" } ],
              "trackingRequirements": [
                { "eventName": "sign_up", "trigger": "form submitted", "parameters": [ { "name": "method", "description": "form or social" } ] }
              ],
              "benchmarks": [ { "url": "https://example.org/landing-page-benchmarks", "note": "industry conversion rates" } ]
            }
            """,
        [typeof(TransitionBody)] = """{ "to": "inReview", "reason": "Ready for the developers' review." }""",
        [typeof(EstimateBody)] = """{ "size": "m", "days": 3.5, "quickWin": false }""",
        [typeof(ClarificationBody)] = """{ "question": "Should the form also offer sign-up with Google?" }""",
        [typeof(AnswerBody)] = """{ "answer": "No, e-mail only for this campaign." }""",
        [typeof(RoadblockBody)] = """{ "description": "The CRM's API limits us to 100 writes per minute.", "severity": "high" }""",
        [typeof(ResolveBody)] = """{ "resolution": "Writes are queued and sent in batches." }""",
        [typeof(BugBody)] = """
            {
              "title": "Sign-up form does not submit on Safari",
              "severity": "high",
              "stepsToReproduce": [ "Open the spring landing page in Safari 17", "Fill in the form", "Press Sign up" ],
              "expected": "The confirmation appears",
              "actual": "Nothing happens; the console shows a CORS error",
              "environment": { "url": "https://example.org/spring", "browser": "Safari 17", "os": "macOS 14", "device": "MacBook Air" }
            }
            """,
        [typeof(BugTransitionBody)] = """{ "to": "fixed", "reason": "CORS origin added." }""",
        [typeof(CreateApiKeyBody)] = """{ "name": "maria@marketing", "role": "marketing" }""",
        [typeof(QuestionBody)] = """{ "text": "Can our CMS schedule a page to go live at a set time?" }""",
        [typeof(IdeaBody)] = """{ "text": "Show the campaign calendar on the sync agenda." }""",
        [typeof(SurveyResponseBody)] = """{ "function": "marketing", "scores": { "communication": 4, "clarity": 3, "trust": 4, "speed": 3 }, "comment": "Estimates came faster this month." }""",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var body = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (body is null || !Examples.TryGetValue(body, out var example) || operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        foreach (var (mediaType, media) in content)
        {
            if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && media is OpenApiMediaType target)
            {
                target.Example = JsonNode.Parse(example);
            }
        }
    }
}
