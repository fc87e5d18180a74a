namespace Redress.Core.Tests;

/// <summary>The labelled evaluation sets kept in the repository (eval/).</summary>
public static class EvalData
{
    public static string RepositoryRoot { get; } = Root();

    public static string Path(params string[] parts) => System.IO.Path.Combine([RepositoryRoot, "eval", .. parts]);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Redress.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (Redress.slnx) was not found.");
    }
}
