using Microsoft.Extensions.Diagnostics.HealthChecks;
using Redress.Coaching;

namespace Redress.Web.Coaching;

/// <summary>
/// Trains the reply coach's sentence model (a few seconds, once per process) and the tone reader's model (a fraction
/// of one) as the host starts, and runs one review and one reading, so the rules' compiled patterns are ready too: no
/// agent waits on their first keystroke, no complaint on its intake, and a first match never pays for compiling its
/// pattern inside its time limit. /readyz reports unhealthy until it is done.
/// </summary>
public sealed class CoachTraining(ToneAnalyzer tone) : IHostedService, IHealthCheck
{
    private const string WarmUp = "Thank you for telling us, and I'm sorry the parcel arrived late. That's not my job, but I'll chase the courier myself today.";

    private Task? _training;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _training = Task.Run(() =>
        {
            ReplyCoach.Default.MovesMade(WarmUp);
            tone.Read(WarmUp);
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_training switch
        {
            { IsCompletedSuccessfully: true } => HealthCheckResult.Healthy(),
            { IsFaulted: true } t => HealthCheckResult.Unhealthy("The reply coach or the tone reader failed to train: " + t.Exception!.GetBaseException().Message),
            _ => HealthCheckResult.Unhealthy("The reply coach and the tone reader are still training their models."),
        });
}
