using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Web.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Playbooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgreedRemedy",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AllSaidAt",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllSaidRecordedBy",
                table: "Complaints",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllSaidVia",
                table: "Complaints",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpAttempts",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastFollowUpAt",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaybookId",
                table: "Complaints",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PlaybookVersion",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProblemConfirmationRecordedBy",
                table: "Complaints",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProblemConfirmedAt",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProblemConfirmedVia",
                table: "Complaints",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProblemStatedAt",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProblemStatedBy",
                table: "Complaints",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProblemStatement",
                table: "Complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemedyAgreedAt",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SatisfactionAnsweredAt",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SatisfactionRating",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Satisfied",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StageEnteredAt",
                table: "Complaints",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "StageId",
                table: "Complaints",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CircleBackDuties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandedOverAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CircledBackAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircleBackDuties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CircleBackDuties_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompletedSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlaybookId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PlaybookVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    StepId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CompletedById = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletedSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompletedSteps_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedActions_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Playbooks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Yaml = table.Column<string>(type: "TEXT", nullable: false),
                    BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Playbooks", x => new { x.Id, x.Version });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CircleBackDuties_ComplaintId",
                table: "CircleBackDuties",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_CompletedSteps_ComplaintId_PlaybookId_PlaybookVersion_StepId",
                table: "CompletedSteps",
                columns: new[] { "ComplaintId", "PlaybookId", "PlaybookVersion", "StepId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedActions_ComplaintId",
                table: "PlannedActions",
                column: "ComplaintId");

            // Complaints filed before playbooks existed start the default method (S.E.R.V.) from its first stage.
            migrationBuilder.Sql("""
                UPDATE "Complaints" SET "PlaybookId" = 'serv', "PlaybookVersion" = 1, "StageId" = 'specify', "StageEnteredAt" = "ReceivedAt"
                WHERE "PlaybookId" = ''
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CircleBackDuties");

            migrationBuilder.DropTable(
                name: "CompletedSteps");

            migrationBuilder.DropTable(
                name: "PlannedActions");

            migrationBuilder.DropTable(
                name: "Playbooks");

            migrationBuilder.DropColumn(
                name: "AgreedRemedy",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AllSaidAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AllSaidRecordedBy",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AllSaidVia",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "FollowUpAttempts",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LastFollowUpAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PlaybookId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PlaybookVersion",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ProblemConfirmationRecordedBy",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ProblemConfirmedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ProblemConfirmedVia",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ProblemStatedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ProblemStatedBy",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ProblemStatement",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RemedyAgreedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SatisfactionAnsweredAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SatisfactionRating",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Satisfied",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "StageEnteredAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "StageId",
                table: "Complaints");
        }
    }
}
