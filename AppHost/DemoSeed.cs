namespace MarketingDev.AppHost;

/// <summary>
/// `dotnet run --project AppHost -- --seed-demo`: once the Metrics service is healthy (its database migrated), runs the
/// Metrics binary once more with `--seed-demo`, which writes the simulated half-year (src/Metrics/Features/Demo) and
/// exits; the dashboard shows the resource "metrics-seed" Finished, its log says what it stored. Seeding again (this
/// or a later run) adds nothing: the demo's events have fixed ids.
/// </summary>
internal static class DemoSeed
{
    public const string Argument = "--seed-demo";

    public static string[] Without(string[] args) => args.Where(a => a != Argument).ToArray();

    public static void AddDemoSeed(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> metrics,
        IResourceBuilder<IResourceWithConnectionString> database, IResourceBuilder<IResourceWithConnectionString> messaging,
        IResourceBuilder<ParameterResource> signingKey) =>
        // No endpoints of its own: it seeds and exits without serving, and the Kestrel endpoints in Metrics'
        // appsettings.json belong to the "metrics" resource (declaring them twice would clash on the same ports).
        builder.AddProject<Projects.Metrics>("metrics-seed", o => o.ExcludeKestrelEndpoints = true)
            .WithArgs(Argument)
            .WithReference(database).WithReference(messaging)
            .WithEnvironment("ServiceAuth__SigningKeys__0", signingKey)
            .WaitFor(metrics);
}
