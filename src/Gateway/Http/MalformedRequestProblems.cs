using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using MarketingDev.Gateway.Errors;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MarketingDev.Gateway.Http;

/// <summary>
/// Kestrel refuses a malformed request line or header block (400), an oversized one (414, 431), a header timeout (408)
/// or an unknown HTTP version (505) itself, before any middleware runs, with an empty body. This connection middleware
/// turns exactly those answers into RFC 9457 problem documents: it recognises Kestrel's own shape (a 4xx/505 head with
/// <c>Content-Length: 0</c> and <c>Connection: close</c>, written in one piece) and adds a body; everything else passes
/// through untouched. Problems the application writes never have that shape (they always carry a body).
/// </summary>
internal static class MalformedRequestProblems
{
    private static readonly byte[] StatusLinePrefix = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] Close = "\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    public static void Install(ListenOptions listen) => listen.Use(next => async connection =>
    {
        var original = connection.Transport;
        var output = new RewritingStream(original.Output.AsStream(leaveOpen: true));
        var writer = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        connection.Transport = new DuplexPipe(original.Input, writer);
        try
        {
            await next(connection);
        }
        finally
        {
            await writer.CompleteAsync();
            connection.Transport = original;
        }
    });

    /// <summary>The problem response for Kestrel's empty-bodied refusal, or null when <paramref name="written"/> is anything else.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (!written.StartsWith(StatusLinePrefix) || !written.EndsWith(HeadEnd) || written.Length < StatusLinePrefix.Length + 3
            || !int.TryParse(written.Slice(StatusLinePrefix.Length, 3), out var status) || status is not (>= 400 and < 500 or 505))
        {
            return null;
        }

        var lengthAt = written.IndexOf(EmptyBody);
        if (lengthAt < 0 || written.IndexOf(Close) < 0)
        {
            return null;
        }

        var (type, title, detail) = status switch
        {
            400 => ("malformed-request", "Malformed HTTP request", "The request line or headers could not be parsed; nothing was processed."),
            408 => ("request-timeout", "Request timeout", "The request headers did not arrive in time."),
            414 => ("uri-too-long", "The URL is too long", "The request line is longer than the server accepts."),
            431 => ("headers-too-large", "The request headers are too large", "The request headers are larger than the server accepts."),
            505 => ("http-version-not-supported", "HTTP version not supported", "Use HTTP/1.1 or HTTP/2."),
            _ => ("http-" + status, "Request refused", "The server refused the request before processing it."),
        };
        var problem = Problems.Create(status, type, title, detail);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { type = problem.Type, title = problem.Title, status, detail = problem.Detail });
        var head = Encoding.ASCII.GetBytes($"\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n");
        return [.. written[..lengthAt], .. head, .. written[(lengthAt + EmptyBody.Length)..], .. body];
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>Passes writes through, replacing a write that is exactly Kestrel's empty-bodied refusal.</summary>
    private sealed class RewritingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(Rewrite(buffer.Span) is { } problem ? problem : buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Rewrite(buffer.AsSpan(offset, count)) is { } problem)
            {
                inner.Write(problem);
            }
            else
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
