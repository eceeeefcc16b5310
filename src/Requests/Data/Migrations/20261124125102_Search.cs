using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Requests.Data.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "requests",
                type: "text",
                nullable: false,
                computedColumnSql: "title || ' ' || coalesce(details #>> '{userStory,asA}', '') || ' ' || coalesce(details #>> '{userStory,iWant}', '') || ' ' || coalesce(details #>> '{userStory,soThat}', '')",
                stored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "search_text",
                table: "requests");
        }
    }
}
