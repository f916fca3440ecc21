using System.Text.Json;
using System.Text.Json.Serialization;

namespace Courtesy.Screening;

/// <summary>Someone identifiable in an attached photo, and whether permission to post them was given.</summary>
public sealed record TaggedPerson(string Kind, string Name, bool Consent);

public sealed record PostAttachment(string Type, IReadOnlyList<TaggedPerson> People);

/// <summary>The roster person a post replies to.</summary>
public sealed record PostReplyTo(string Kind, string Name);

/// <summary>A social media post as screening reads it: the posts.jsonl shape of shared/eval/dev.</summary>
public sealed record Post
{
    public string? Id { get; init; }
    [JsonRequired]
    public string Text { get; init; } = "";
    public string? Platform { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? PostedAt { get; init; }
    /// <summary>Full names ("First Last") of the pupils whose parent wrote the post.</summary>
    public IReadOnlyList<string> AuthorIsParentOf { get; init; } = [];
    public PostReplyTo? ReplyTo { get; init; }
    public IReadOnlyList<PostAttachment> Attachments { get; init; } = [];
    /// <summary>Gold labels when the post comes from a labelled set; screening never reads them.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public static Post OfText(string text) => new() { Text = text };
}

/// <summary>Reads and writes posts in the posts.jsonl shape (snake_case keys, one object a line).</summary>
public static class PostJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new LenientDateConverter() },
    };

    /// <summary>Parses one line; throws <see cref="JsonException"/> with the reason when it is not a post.</summary>
    public static Post Parse(string line)
    {
        var post = JsonSerializer.Deserialize<Post>(line, Options) ?? throw new JsonException("the line is null, expected a post object");
        if (post.Text is null) throw new JsonException("the post has no \"text\"");
        return post with
        {
            AuthorIsParentOf = post.AuthorIsParentOf ?? [],
            Attachments = post.Attachments ?? [],
            Labels = post.Labels ?? [],
        };
    }

    public static IReadOnlyList<Post> Load(string path)
    {
        var posts = new List<Post>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try { posts.Add(Parse(line)); }
            catch (JsonException ex) { throw new Schools.InputException([new Schools.InputError(path, n, 0, ex.Message)]); }
        }
        return posts;
    }

    /// <summary>posted_at arrives in several shapes from exports; an unreadable one is dropped rather than losing the post.</summary>
    private sealed class LenientDateConverter : JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType == JsonTokenType.String && DateTimeOffset.TryParse(reader.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)) return d;
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue(); else writer.WriteStringValue(value.Value);
        }
    }
}
