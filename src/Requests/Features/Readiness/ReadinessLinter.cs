using System.Text.RegularExpressions;
using MarketingDev.Requests.Domain;
using MarketingDev.ServiceDefaults;

namespace MarketingDev.Requests.Features.Readiness;

public enum Severity { Error = 1, Warning, Info }

/// <summary>One thing the lint found; codes are stable so tools can rely on them, paths are JSON pointers into the request.</summary>
public sealed record Finding(string Code, Severity Severity, string Path, string Message);

public sealed record ReadinessReport(int Score, bool Ready, IReadOnlyList<Finding> Findings, string RulesVersion);

/// <summary>
/// Lints a request before it is submitted: is it detailed enough for developers to build with purpose? Pure: the same
/// content, day and rules give the same report. An error blocks submission; warnings and infos lower the score.
/// </summary>
public static partial class ReadinessLinter
{
    private const int ErrorCost = 25;
    private const int WarningCost = 8;
    private const int InfoCost = 2;

    public static ReadinessReport Lint(RequestContent content, DateOnly today, ReadinessRules rules)
    {
        var findings = new List<Finding>();
        var details = content.Details;
        var type = WireName.ToWire(content.Type);

        Story(details.UserStory, findings);
        Criteria(details.AcceptanceCriteria, rules, findings);
        Context(details.MarketingContext, findings);
        Tracking(details.TrackingRequirements, rules.TrackingRequiredFor.Contains(type), rules.Ga4, findings);
        if (rules.DesignAssetExpectedFor.Contains(type) && details.DesignAssets.Count == 0)
        {
            findings.Add(new("NO_DESIGN_ASSET", Severity.Warning, "#/designAssets", $"A {type} usually needs a design: link the Figma or XD file."));
        }

        Launch(content.LaunchDate, today, rules.MinimumLeadWorkingDays, findings);
        if (details.Benchmarks.Count == 0)
        {
            findings.Add(new("NO_BENCHMARK", Severity.Info, "#/benchmarks", "A reference or competitor example helps developers see what good looks like."));
        }

        var cost = findings.Sum(f => f.Severity switch { Severity.Error => ErrorCost, Severity.Warning => WarningCost, _ => InfoCost });
        return new ReadinessReport(Math.Max(0, 100 - cost), findings.All(f => f.Severity != Severity.Error), findings, rules.Version);
    }

    private static void Story(UserStory story, List<Finding> findings)
    {
        foreach (var (part, value, label) in new[] { ("asA", story.AsA, "As a …"), ("iWant", story.IWant, "I want …"), ("soThat", story.SoThat, "so that …") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                findings.Add(new("STORY_INCOMPLETE", Severity.Error, $"#/userStory/{part}", $"The user story needs its \"{label}\" part."));
            }
        }
    }

    private static void Criteria(IReadOnlyList<AcceptanceCriterion> criteria, ReadinessRules rules, List<Finding> findings)
    {
        if (criteria.Count == 0)
        {
            findings.Add(new("NO_ACCEPTANCE_CRITERIA", Severity.Error, "#/acceptanceCriteria", "Add testable acceptance criteria: how will we know it is done?"));
            return;
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            var text = criteria[i].Text;
            var vague = rules.VagueWords.Where(w => ContainsWord(text, w)).ToList();
            if (vague.Count > 0 && !IsMeasurable(text, rules))
            {
                findings.Add(new("CRITERION_VAGUE", Severity.Warning, $"#/acceptanceCriteria/{i}/text",
                    $"\"{string.Join("\", \"", vague)}\" cannot be tested as written: add a measurable quantity or a condition (e.g. \"loads in under 2 s on 4G\")."));
            }
        }
    }

    private static void Context(MarketingContext context, List<Finding> findings)
    {
        if (string.IsNullOrWhiteSpace(context.CampaignGoal))
        {
            findings.Add(new("NO_CAMPAIGN_GOAL", Severity.Error, "#/marketingContext/campaignGoal", "Say which campaign goal this serves."));
        }

        if (context.Kpi?.Target is null)
        {
            findings.Add(new("NO_KPI_TARGET", Severity.Warning, "#/marketingContext/kpi/target", "Name the KPI with a baseline and a target, so success can be measured."));
        }
    }

    private static void Tracking(IReadOnlyList<TrackingRequirement> tracking, bool required, Ga4Rules ga4, List<Finding> findings)
    {
        if (tracking.Count == 0)
        {
            findings.Add(new("NO_TRACKING", required ? Severity.Error : Severity.Warning, "#/trackingRequirements",
                required ? "This kind of request must say which GA4 events to track." : "Say which GA4 events should measure this, if any."));
        }

        for (var i = 0; i < tracking.Count; i++)
        {
            var path = $"#/trackingRequirements/{i}";
            var name = tracking[i].EventName;
            if (!IsValidName(name, ga4.MaxNameLength))
            {
                findings.Add(new("GA4_EVENT_NAME_INVALID", Severity.Error, path + "/eventName",
                    $"\"{name}\" is not a valid GA4 event name: at most {ga4.MaxNameLength} characters, starting with a letter, only letters, digits and underscores."));
            }

            if (ga4.ReservedEventNames.Contains(name) || ga4.ReservedEventPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                findings.Add(new("GA4_RESERVED_NAME", Severity.Error, path + "/eventName", $"\"{name}\" is reserved by GA4; GA4 would drop it."));
            }

            var parameters = tracking[i].Parameters;
            if (parameters.Count > ga4.MaxParametersPerEvent)
            {
                findings.Add(new("GA4_TOO_MANY_PARAMETERS", Severity.Error, path + "/parameters",
                    $"{parameters.Count} parameters; GA4 keeps at most {ga4.MaxParametersPerEvent} per event."));
            }

            for (var j = 0; j < parameters.Count; j++)
            {
                var parameter = parameters[j].Name;
                var parameterPath = $"{path}/parameters/{j}/name";
                if (!IsValidName(parameter, ga4.MaxNameLength))
                {
                    findings.Add(new("GA4_PARAMETER_NAME_INVALID", Severity.Error, parameterPath,
                        $"\"{parameter}\" is not a valid GA4 parameter name: at most {ga4.MaxNameLength} characters, starting with a letter, only letters, digits and underscores."));
                }

                if (ga4.ReservedParameterNames.Contains(parameter) || ga4.ReservedParameterPrefixes.Any(p => parameter.StartsWith(p, StringComparison.Ordinal)))
                {
                    findings.Add(new("GA4_RESERVED_NAME", Severity.Error, parameterPath, $"\"{parameter}\" is a reserved GA4 parameter name."));
                }
            }
        }
    }

    private static void Launch(DateOnly? launch, DateOnly today, int minimumWorkingDays, List<Finding> findings)
    {
        if (launch is not { } date)
        {
            findings.Add(new("NO_LAUNCH_DATE", Severity.Warning, "#/launchDate", "Give a launch date so the work can be planned."));
            return;
        }

        if (date < today)
        {
            findings.Add(new("LAUNCH_DATE_PAST", Severity.Error, "#/launchDate", $"The launch date {date:yyyy-MM-dd} has passed."));
            return;
        }

        var workingDays = WorkingDaysBetween(today, date);
        if (workingDays < minimumWorkingDays)
        {
            findings.Add(new("LAUNCH_TOO_SOON", Severity.Warning, "#/launchDate",
                $"Only {workingDays} working days until launch; plan for at least {minimumWorkingDays}."));
        }
    }

    /// <summary>Monday to Friday days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        // Whole weeks in one step: a loop per day would walk millions of days for a far-away date.
        var total = to.DayNumber - from.DayNumber;
        if (total <= 0)
        {
            return 0;
        }

        var days = total / 7 * 5;
        for (var n = from.DayNumber + total / 7 * 7 + 1; n <= to.DayNumber; n++)
        {
            if (DateOnly.FromDayNumber(n).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days++;
            }
        }

        return days;
    }

    private static bool IsValidName(string name, int maxLength) => name.Length <= maxLength && GaName().IsMatch(name);

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static bool IsMeasurable(string text, ReadinessRules rules) =>
        text.Any(char.IsAsciiDigit) || rules.ConditionWords.Any(w => w == "%" ? text.Contains('%', StringComparison.Ordinal) : ContainsWord(text, w));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex GaName();
}
