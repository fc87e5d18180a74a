using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Web.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboundTone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ToneScore",
                table: "Messages",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToneSignals",
                table: "Messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Via",
                table: "Messages",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ToneScore",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ToneSignals",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Via",
                table: "Messages");
        }
    }
}
