using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Requests.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActorIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "requester_id",
                table: "requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "actor_id",
                table: "request_changes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "reported_by_id",
                table: "bugs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "requester_id",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "actor_id",
                table: "request_changes");

            migrationBuilder.DropColumn(
                name: "reported_by_id",
                table: "bugs");
        }
    }
}
