namespace Redress.Core.Tests;

/// <summary>../shared/data beside the repository: test material for developers and CI, never read by the product.</summary>
public static class SharedData
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        var candidate = Path.GetFullPath(Path.Combine(EvalData.RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : throw new DirectoryNotFoundException($"{candidate} (../shared/data beside the repository) was not found.");
    }
}

public static class Statistics
{
    public static double Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
