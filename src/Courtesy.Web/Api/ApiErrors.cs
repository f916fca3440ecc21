using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Courtesy.Web.Api;

/// <summary>How the API reports a request it cannot take: problem+json naming what is wrong and where.</summary>
public static class ApiErrors
{
    public static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");

    /// <summary>A body that cannot be read (bad JSON, a value of the wrong type, too large) is a 4xx, not a 500.</summary>
    public static int StatusOf(Exception ex) => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    public static void Describe(ProblemDetailsContext ctx)
    {
        var p = ctx.ProblemDetails;
        p.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        // Kestrel may refuse an oversized body before any endpoint runs (a bare 413, no exception)
        if (p.Status == StatusCodes.Status413PayloadTooLarge || ctx.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            var limit = ctx.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            p.Title = "too large";
            p.Detail = limit is { } l
                ? $"body: the request is over the {l / (1024 * 1024)} MB limit; send fewer or smaller files"
                : "body: the request is too large; send fewer or smaller files";
            return;
        }
        switch (ctx.Exception)
        {
            case BadHttpRequestException { InnerException: JsonException json }:
                var at = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
                p.Title = "the request body is not valid";
                // the serializer's own words name .NET types ("could not be converted to ...+ConcernRequest")
                var what = json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                    ? "the value is not of the kind this field takes (text, a number, true or false, a date, a list)"
                    : FirstSentence(json.Message);
                p.Detail = $"body{(json.Path is { Length: > 1 } path ? " " + path : "")}{at}: {what}";
                break;
            case BadHttpRequestException bad:
                p.Title = "the request is not valid";
                p.Detail = bad.Message;
                break;
            case not null:
                // an unexpected failure: the message may hold internals, so only the trace id goes out
                p.Title = "something went wrong";
                p.Detail = "The request could not be completed; nothing already saved has been lost. Quote the trace id if you report this.";
                break;
        }
    }

    /// <summary>Every change through the API carries a JSON body. A page on another site can post a form to
    /// us with the user's cookie, but not application/json without a CORS preflight we never grant, so
    /// this is the API's CSRF defence (the pages use antiforgery tokens).</summary>
    public static async Task RequireJsonAsync(HttpContext ctx, RequestDelegate next)
    {
        var method = ctx.Request.Method;
        if ((HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)) || ctx.Request.HasJsonContentType())
        {
            await next(ctx);
            return;
        }
        ctx.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails =
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "JSON only",
                Detail = $"content type: the API takes a JSON body with Content-Type: application/json ('{ctx.Request.ContentType}' given; send {{}} when there is nothing to say)",
            },
        });
    }

    /// <summary>The index of the first null in a list read from JSON (the serializer checks a member's
    /// nullability, not a list's items), or null when there is none.</summary>
    public static int? FirstNull<T>(IReadOnlyList<T?>? items) where T : class
    {
        if (items is null) return null;
        for (var i = 0; i < items.Count; i++)
            if (items[i] is null) return i;
        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
