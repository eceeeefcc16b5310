using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Requests.Data.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "requests",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_idempotency_key",
                table: "requests",
                column: "idempotency_key",
                unique: true,
                filter: "idempotency_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_requests_idempotency_key",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "requests");
        }
    }
}
