using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Redress.Complaints;
using Redress.Customers;
using Redress.Playbooks;
using Redress.Web.Identity;
using Redress.Web.Playbooks;

namespace Redress.Web.Storage;

/// <summary>
/// The one model. Each database has a subclass (<see cref="SqliteRedressDb"/>, <see cref="PostgresRedressDb"/>)
/// only so that each keeps its own migrations.
/// </summary>
public abstract class RedressDb(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredPlaybook> Playbooks => Set<StoredPlaybook>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<StaffUser>(user => user.Property(u => u.DisplayName).HasMaxLength(200));

        builder.Entity<Customer>(customer =>
        {
            customer.Property(c => c.Name).HasMaxLength(ComplaintLimits.NameLength);
            customer.Property(c => c.Email).HasMaxLength(ComplaintLimits.EmailLength);
            customer.Property(c => c.Phone).HasMaxLength(ComplaintLimits.PhoneLength);
            customer.HasIndex(c => c.Email).IsUnique();
        });

        builder.Entity<Complaint>(complaint =>
        {
            complaint.Property(c => c.Reference).HasMaxLength(32);
            complaint.HasIndex(c => c.Reference).IsUnique();
            complaint.Property(c => c.Subject).HasMaxLength(ComplaintLimits.SubjectLength);
            complaint.Property(c => c.CustomerWords).HasMaxLength(ComplaintLimits.DescriptionLength);
            complaint.Property(c => c.Category).HasMaxLength(ComplaintLimits.CategoryLength);
            complaint.Property(c => c.OrderReference).HasMaxLength(ComplaintLimits.OrderReferenceLength);
            complaint.Property(c => c.DesiredOutcome).HasMaxLength(ComplaintLimits.DesiredOutcomeLength);
            complaint.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
            complaint.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
            complaint.Property(c => c.OwnerId).HasMaxLength(450);
            complaint.Property(c => c.Version).IsConcurrencyToken();
            complaint.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
            complaint.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
            complaint.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ComplaintId);
            complaint.HasMany(c => c.Timeline).WithOne().HasForeignKey(e => e.ComplaintId);
            complaint.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
            complaint.Navigation(c => c.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
            // Progress through the playbook (see ComplaintProgress.cs).
            complaint.Property(c => c.PlaybookId).HasMaxLength(50);
            complaint.Property(c => c.StageId).HasMaxLength(50);
            complaint.Property(c => c.ProblemStatement).HasMaxLength(Complaint.ProblemStatementLength);
            complaint.Property(c => c.ProblemStatedBy).HasMaxLength(200);
            complaint.Property(c => c.ProblemConfirmedVia).HasConversion<string>().HasMaxLength(20);
            complaint.Property(c => c.ProblemConfirmationRecordedBy).HasMaxLength(200);
            complaint.Property(c => c.AllSaidVia).HasConversion<string>().HasMaxLength(20);
            complaint.Property(c => c.AllSaidRecordedBy).HasMaxLength(200);
            complaint.Property(c => c.AgreedRemedy).HasMaxLength(Complaint.RemedyLength);
            complaint.Property(c => c.ToneSignals).HasMaxLength(200);
            complaint.Ignore(c => c.Tone);
            complaint.HasMany(c => c.CompletedSteps).WithOne().HasForeignKey(s => s.ComplaintId);
            complaint.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ComplaintId);
            complaint.HasMany(c => c.CircleBackDuties).WithOne().HasForeignKey(d => d.ComplaintId);
            complaint.Navigation(c => c.CompletedSteps).UsePropertyAccessMode(PropertyAccessMode.Field);
            complaint.Navigation(c => c.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
            complaint.Navigation(c => c.CircleBackDuties).UsePropertyAccessMode(PropertyAccessMode.Field);
            // The queue: most urgent first, then the nearest deadline; keyset pages walk this index.
            complaint.HasIndex(c => new { c.Status, c.Priority, c.NextDueAt, c.Id });
            complaint.HasIndex(c => new { c.OwnerId, c.Status });
            complaint.HasIndex(c => c.CustomerId);
        });

        builder.Entity<Message>(message =>
        {
            message.Property(m => m.Direction).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.Body).HasMaxLength(ComplaintLimits.MessageLength);
            message.Property(m => m.AuthorName).HasMaxLength(200);
            message.Property(m => m.Via).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.ToneSignals).HasMaxLength(200);
            message.Ignore(m => m.Tone);
            message.HasIndex(m => new { m.ComplaintId, m.CreatedAt });
        });

        builder.Entity<TimelineEvent>(timelineEvent =>
        {
            timelineEvent.Property(e => e.Kind).HasMaxLength(50);
            timelineEvent.Property(e => e.Summary).HasMaxLength(1000);
            timelineEvent.Property(e => e.ActorName).HasMaxLength(200);
            timelineEvent.HasOne(e => e.Message).WithMany().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.Restrict);
            timelineEvent.HasIndex(e => new { e.ComplaintId, e.OccurredAt });
        });

        builder.Entity<CompletedStep>(step =>
        {
            step.ToTable("CompletedSteps");
            step.Property(s => s.PlaybookId).HasMaxLength(50);
            step.Property(s => s.StepId).HasMaxLength(50);
            step.Property(s => s.CompletedByName).HasMaxLength(200);
            step.Property(s => s.Note).HasMaxLength(Complaint.NoteLength);
            step.HasIndex(s => new { s.ComplaintId, s.PlaybookId, s.PlaybookVersion, s.StepId }).IsUnique();
        });

        builder.Entity<PlannedAction>(action =>
        {
            action.ToTable("PlannedActions");
            action.Property(a => a.Description).HasMaxLength(500);
            action.Property(a => a.OwnerId).HasMaxLength(450);
            action.Property(a => a.OwnerName).HasMaxLength(200);
            action.Ignore(a => a.IsDone);
            action.HasIndex(a => a.ComplaintId);
        });

        builder.Entity<CircleBackDuty>(duty =>
        {
            duty.ToTable("CircleBackDuties");
            duty.Property(d => d.StaffId).HasMaxLength(450);
            duty.Property(d => d.StaffName).HasMaxLength(200);
            duty.HasIndex(d => d.ComplaintId);
        });

        builder.Entity<StoredPlaybook>(playbook =>
        {
            playbook.HasKey(p => new { p.Id, p.Version });
            playbook.Property(p => p.Id).HasMaxLength(50);
            playbook.Property(p => p.Name).HasMaxLength(100);
            playbook.Property(p => p.CreatedBy).HasMaxLength(200);
        });

        builder.Entity<ApiToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Hint).HasMaxLength(20);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IdempotencyRecord>(record =>
        {
            record.Property(r => r.Scope).HasMaxLength(300);
            record.Property(r => r.Key).HasMaxLength(200);
            record.Property(r => r.RequestHash).HasMaxLength(64);
            record.Property(r => r.Location).HasMaxLength(300);
            record.HasIndex(r => new { r.Scope, r.Key }).IsUnique();
            record.HasIndex(r => r.CreatedAt);
        });

        builder.Entity<ReferenceCounter>().HasKey(c => c.Year);
        builder.Entity<ReferenceCounter>().Property(c => c.Year).ValueGeneratedNever();
    }
}

public sealed class SqliteRedressDb(DbContextOptions<SqliteRedressDb> options) : RedressDb(options)
{
    /// <summary>The FTS5 table over complaint text, kept in step by triggers (see the Sqlite migrations).</summary>
    public const string SearchTable = "ComplaintSearch";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: every DateTime we write is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}

public sealed class PostgresRedressDb(DbContextOptions<PostgresRedressDb> options) : RedressDb(options)
{
    public const string SearchVector = "SearchVector";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Full-text search: a stored tsvector over the complaint's text, with a GIN index.
        builder.Entity<Complaint>(complaint =>
        {
            complaint.Property<NpgsqlTypes.NpgsqlTsVector>(SearchVector)
                .HasComputedColumnSql(
                    """to_tsvector('english', "Reference" || ' ' || "Subject" || ' ' || "CustomerWords" || ' ' || coalesce("OrderReference", ''))""",
                    stored: true);
            complaint.HasIndex(SearchVector).HasMethod("GIN");
        });
    }
}
