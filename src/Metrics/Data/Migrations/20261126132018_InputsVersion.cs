using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Metrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class InputsVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inputs_version",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inputs_version", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "inputs_version",
                columns: new[] { "id", "value" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inputs_version");
        }
    }
}
