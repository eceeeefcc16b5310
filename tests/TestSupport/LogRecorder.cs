using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MarketingDev.TestSupport;

/// <summary>Keeps what a service logged, so a test can check what an operator would read.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public bool Contains(string text) => _entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// Everything logged at Warning or above, as "Level Category[EventId]: message" (with the exception, if any): what an
    /// operator reads as something to act on.
    /// </summary>
    public IReadOnlyList<string> WarningsAndErrors() =>
        [.. _entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.ToString())];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
    {
        public override string ToString() =>
            $"{Level} {Category}[{EventId.Id}]: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
    }

    private sealed class Recorder(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
