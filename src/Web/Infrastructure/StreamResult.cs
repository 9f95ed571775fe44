namespace OpenFabriques.Web.Infrastructure;

/// <summary>A response body written by a function as it goes (headers set beforehand by the endpoint).</summary>
public sealed class StreamResult(Func<Stream, CancellationToken, Task> write) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return write(httpContext.Response.Body, httpContext.RequestAborted);
    }
}
