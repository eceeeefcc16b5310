using MarketingDev.Contracts.Grpc.Common;

namespace MarketingDev.Contracts.Grpc;

/// <summary>DateOnly ⇄ the proto Date message; a nonexistent date (Feb 30) is an argument error the caller reports.</summary>
public static class DateConversions
{
    public static Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Date? ToProto(this DateOnly? date) => date?.ToProto();

    /// <summary>Null when the message is absent; false when it names no real date.</summary>
    public static bool TryToDateOnly(this Date? date, out DateOnly? value)
    {
        value = null;
        if (date is null)
        {
            return true;
        }

        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return false;
        }

        value = new DateOnly(date.Year, date.Month, date.Day);
        return true;
    }
}
