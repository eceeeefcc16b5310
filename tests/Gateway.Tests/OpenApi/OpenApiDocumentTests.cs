using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MarketingDev.Gateway.Tests.OpenApi;

/// <summary>
/// The API document is a contract: the committed copy (from which the test client is generated) must be what the Gateway
/// serves, and Redocly's recommended rules must find nothing in it. Regenerate the copy with
/// <c>UPDATE_OPENAPI=1 dotnet test --project tests/Gateway.Tests -- --filter-class "*OpenApiDocumentTests"</c>.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task ServedDocument_ComparedWithCommittedCopy_IsTheSame()
    {
        var served = await OpenApiDocument.FetchAsync(_fixture);
        var path = OpenApiDocument.CommittedPath();
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(path) ? OpenApiDocument.Normalize(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)) : "";

        Assert.True(committed == served,
            $"{path} differs from the document the Gateway serves. Regenerate it with: " +
            "UPDATE_OPENAPI=1 dotnet test --project tests/Gateway.Tests -- --filter-class \"*OpenApiDocumentTests\" " +
            "(then rebuild: the test client is generated from it).");
    }

    [Fact]
    public async Task ServedDocument_LintedByRedocly_HasNoErrorOrWarning()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marketingdev-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await OpenApiDocument.FetchAsync(_fixture), TestContext.Current.CancellationToken);
        try
        {
            var lint = await Redocly.LintAsync(file, TestContext.Current.CancellationToken);

            Assert.True(lint.Problems.Count == 0, $"Redocly found {lint.Problems.Count} problem(s):\n{string.Join("\n", lint.Problems)}");
            Assert.Equal((0, 0), (lint.Errors, lint.Warnings));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

internal static class OpenApiDocument
{
    public const string Url = "/swagger/v1/swagger.json";

    /// <summary>The served document, anonymous (it is open), normalised to indented JSON with a final newline.</summary>
    public static async Task<string> FetchAsync(GatewayFixture fixture)
    {
        using var client = fixture.Client(apiKey: null);
        return Normalize(await client.GetStringAsync(new Uri(Url, UriKind.Relative), TestContext.Current.CancellationToken));
    }

    public static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";

    public static string CommittedPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "marketingdev.openapi.json");
}
