using System.Text.Json;
using Courtesy.Schools;

namespace Courtesy.Schools;

public static class SchoolJson
{
    private sealed record Dto(string? Name, List<string>? Aliases, string? Town);

    public static SchoolProfile Load(string path)
    {
        try
        {
            var dto = JsonSerializer.Deserialize<Dto>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            if (dto is null || string.IsNullOrWhiteSpace(dto.Name))
                throw new InputException([new InputError(path, 1, 0, "expected an object with a non-empty \"name\"")]);
            return new SchoolProfile(dto.Name, dto.Aliases ?? [], dto.Town);
        }
        catch (JsonException ex)
        {
            throw new InputException([new InputError(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "invalid JSON: " + ex.Message.Split('.')[0])]);
        }
    }
}
