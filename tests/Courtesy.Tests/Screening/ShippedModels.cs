using Courtesy.Screening;
using Courtesy.Tests.Support;

namespace Courtesy.Tests.Screening;

/// <summary>The trained models committed in data/models, loaded once: the engine the app and the CLI screen with.</summary>
public static class ShippedModels
{
    private static readonly Lazy<TrainedModels> Models = new(() => TrainedModels.Load(Path.Combine(Repo.Root, "data")));

    public static ScreeningOptions Options => new() { Model = Models.Value.Offensive, CategoryModel = Models.Value.Categories, SafeguardingModel = Models.Value.Safeguarding };
}
