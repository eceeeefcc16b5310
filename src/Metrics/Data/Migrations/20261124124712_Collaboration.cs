using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Metrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class Collaboration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "clarifications",
                table: "requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "post_launch_bugs",
                table: "requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "roadblocks",
                table: "requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "clarifications",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "post_launch_bugs",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "roadblocks",
                table: "requests");
        }
    }
}
