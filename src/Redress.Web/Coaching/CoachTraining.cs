using Microsoft.Extensions.Diagnostics.HealthChecks;
using Redress.Coaching;

namespace Redress.Web.Coaching;

/// <summary>
/// Trains the reply coach's sentence model (about a second, once per process) as the host starts, so no agent waits
/// on their first keystroke; /readyz reports unhealthy until it is done.
/// </summary>
public sealed class CoachTraining : IHostedService, IHealthCheck
{
    private Task? _training;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _training = Task.Run(() => ReplyCoach.Default, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_training switch
        {
            { IsCompletedSuccessfully: true } => HealthCheckResult.Healthy(),
            { IsFaulted: true } t => HealthCheckResult.Unhealthy("The reply coach failed to train: " + t.Exception!.GetBaseException().Message),
            _ => HealthCheckResult.Unhealthy("The reply coach is still training its sentence model."),
        });
}
