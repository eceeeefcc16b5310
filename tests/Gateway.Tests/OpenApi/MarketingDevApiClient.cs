using System.Text.Json.Serialization;

namespace MarketingDev.Gateway.Tests.OpenApi.Client;

/// <summary>
/// The one setting a client of this API needs beyond the document: leave unset optional fields out. The Gateway refuses
/// null for a field that is not nullable (an optional text field has a default instead), and NSwag writes every property.
/// </summary>
public partial class MarketingDevApiClient
{
    static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
