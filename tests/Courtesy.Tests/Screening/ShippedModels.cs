using Courtesy.Screening;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Screening;

/// <summary>The trained models committed in data/models, loaded once: the engine the app and the CLI screen with.</summary>
public static class ShippedModels
{
    private static readonly Lazy<LinearModel?> Offensive = new(() => LinearModel.LoadDefault(Path.Combine(Repo.Root, "data")));
    private static readonly Lazy<CategoryModel?> Categories = new(() => CategoryModel.LoadDefault(Path.Combine(Repo.Root, "data")));
    private static readonly Lazy<CategoryModel?> Safeguarding = new(() => CategoryModel.LoadDefault(Path.Combine(Repo.Root, "data"), CategoryModel.SafeguardingFile));

    public static ScreeningOptions Options => new() { Model = Offensive.Value, CategoryModel = Categories.Value, SafeguardingModel = Safeguarding.Value };
}
