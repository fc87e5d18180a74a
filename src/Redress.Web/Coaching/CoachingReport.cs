using System.Globalization;
using Redress.Coaching;

namespace Redress.Web.Coaching;

/// <summary>
/// `Redress.Web evaluate-coaching [eval folder]`: prints how the anger score and the reply coach do on the labelled
/// sets kept in the repository's eval/ folder (ROC AUC; precision and recall per pitfall and move).
/// </summary>
public static class CoachingReport
{
    public static int Run(string? folder)
    {
        folder ??= FindEvalFolder();
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("No eval folder: run this from the repository, or pass the folder (evaluate-coaching path/to/eval).");
            return 2;
        }
        var tone = ToneAnalyzer.Load();
        var toneSet = Evaluation.ReadToneSet(File.ReadAllText(Path.Combine(folder, "tone", "cfpb.tsv")), "letter")
            .Concat(Evaluation.ReadToneSet(File.ReadAllText(Path.Combine(folder, "tone", "messages.tsv")), "chat")).ToList();
        Console.WriteLine($"Anger score, ROC AUC (negative vs not negative) on {toneSet.Count} labelled customer messages:");
        foreach (var subset in (string[])["all", "short", "letters", "held-out"])
        {
            var (count, auc) = Evaluation.ToneAuc(tone, toneSet, subset);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {subset,-9} {auc:F3}  ({count} messages)"));
        }
        foreach (var (name, files) in new[]
        {
            ("rules written and model trained on them", Evaluation.WrittenAgainstReplies),
            ("development: the model's thresholds were chosen on them", Evaluation.DevelopmentReplies),
            ("unseen: never read or used to choose anything", Evaluation.UnseenReplies),
        })
        {
            var replies = Evaluation.ReadReplySets(Path.Combine(folder, "coaching"), files);
            Console.WriteLine($"Reply coach on {replies.Count} labelled replies ({string.Join(" + ", files)}, {name}):");
            foreach (var counts in Evaluation.MeasureCoach(ReplyCoach.Default, replies))
            {
                Console.WriteLine("  " + Evaluation.Format(counts));
            }
        }
        return 0;
    }

    private static string? FindEvalFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "eval", "tone")))
            {
                return Path.Combine(dir.FullName, "eval");
            }
        }
        return null;
    }
}
