using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Web.Storage.Migrations.Sqlite
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
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToneSignals",
                table: "Messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Via",
                table: "Messages",
                type: "TEXT",
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
