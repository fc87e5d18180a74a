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
        PrintAuc(tone, toneSet);
        // Two later blind readers drew "negative" more narrowly on the letters (eval/README.md): the same score against the three's majority.
        var byMajority = Evaluation.ByMajority(toneSet, File.ReadAllText(Path.Combine(folder, "tone", "readers", "readings.tsv")));
        Console.WriteLine($"  labelled instead by the majority of three readers ({toneSet.Zip(byMajority).Count(p => p.First.Negative != p.Second.Negative)} labels differ):");
        PrintAuc(tone, byMajority);
        // The sets the model learns from are each read by a model trained without them; the unseen set by the real one.
        Print($"{string.Join(" + ", SentenceModel.WrittenAgainstReplies)}: the rules were written against them; each read by a model trained without it",
            Evaluation.MeasureLeavingOut(SentenceModel.WrittenAgainstReplies));
        Print($"development ({string.Join(", ", SentenceModel.DevelopmentReplies)}): thresholds chosen here; each read by a model trained without it",
            Evaluation.MeasureLeavingOut(SentenceModel.DevelopmentReplies));
        var unseen = Evaluation.ReadReplySets(Path.Combine(folder, "coaching"), Evaluation.UnseenReplies);
        Print($"{string.Join(" + ", Evaluation.UnseenReplies)}, {unseen.Count} replies: never read, trained on or used to choose anything",
            Evaluation.MeasureCoach(ReplyCoach.Default, unseen));
        Console.WriteLine("A second reader, shown only the texts, labelled these sets blind; agreement with the writer (Cohen's kappa):");
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "coaching", "second-reader"), "*.tsv").Order())
        {
            var name = Path.GetFileName(file);
            var writer = Evaluation.UnseenReplies.Contains(name) ? unseen : SentenceModel.ReadTrainingReplies(name);
            var second = Evaluation.ReadSecondReading(File.ReadAllText(file));
            var kappas = Enum.GetValues<Redress.Playbooks.ReplyPitfall>().Select(p => WireNames.Of(p)).Select(pitfall => string.Create(CultureInfo.InvariantCulture,
                $"{pitfall} {Evaluation.Kappa([.. writer.Select(r => (r.Pitfalls.Contains(pitfall), second[r.Id].Contains(pitfall)))]):F2}"));
            Console.WriteLine($"  {name,-20} {string.Join("  ", kappas)}");
        }
        return 0;
    }

    private static void PrintAuc(ToneAnalyzer tone, IReadOnlyList<ToneExample> set)
    {
        foreach (var subset in (string[])["all", "short", "letters", "held-out"])
        {
            var (count, auc) = Evaluation.ToneAuc(tone, set, subset);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {subset,-9} {auc:F3}  ({count} messages)"));
        }
    }

    /// <summary>Writes the judge the training replies give to <paramref name="file"/> (the repository's Coaching/Data/reply-judge.tsv by default).</summary>
    public static int FitJudge(string? file)
    {
        file ??= FindEvalFolder() is { } eval ? Path.Combine(eval, "..", "src", "Redress.Core", "Coaching", "Data", "reply-judge.tsv") : null;
        if (file is null)
        {
            Console.Error.WriteLine("No repository here: run this from the repository, or pass the file to write (fit-reply-judge path/to/reply-judge.tsv).");
            return 2;
        }
        File.WriteAllText(file, Evaluation.FitJudge().Write());
        Console.WriteLine($"Wrote {Path.GetFullPath(file)}.");
        return 0;
    }

    private static void Print(string title, IEnumerable<DetectorCounts> counts)
    {
        Console.WriteLine($"Reply coach on {title}:");
        foreach (var count in counts)
        {
            Console.WriteLine("  " + Evaluation.Format(count));
        }
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
