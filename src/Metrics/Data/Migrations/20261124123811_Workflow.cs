using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Metrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class Workflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "actual_days",
                table: "requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delivered_at",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "estimate_days",
                table: "requests",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reopens",
                table: "requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "returns",
                table: "requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "submitted_at",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "actual_days",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "delivered_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "estimate_days",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "reopens",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "returns",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "submitted_at",
                table: "requests");
        }
    }
}
