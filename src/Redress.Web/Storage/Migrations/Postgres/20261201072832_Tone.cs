using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Web.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ToneScore",
                table: "Complaints",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "ToneSignals",
                table: "Complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ToneScore",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ToneSignals",
                table: "Complaints");
        }
    }
}
