using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Requests.Data.Migrations
{
    /// <summary>
    /// Names only: the snake case naming convention (EFCore.NamingConventions) names keys, foreign keys and indexes in
    /// lower case (pk_requests, fk_…, ix_…). Columns and tables keep their names (they were snake case already). EF
    /// generates a drop and an add for each key and foreign key (rebuilding the index, checking every row again, under an
    /// exclusive lock); they are renamed in place instead, which changes only the catalog.
    /// </summary>
    public partial class SnakeCaseNames : Migration
    {
        private static void RenameConstraint(MigrationBuilder migrationBuilder, string table, string name, string newName) =>
            migrationBuilder.Sql($"ALTER TABLE \"{table}\" RENAME CONSTRAINT \"{name}\" TO \"{newName}\";");

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            RenameConstraint(migrationBuilder, "roadblocks", "PK_roadblocks", "pk_roadblocks");
            RenameConstraint(migrationBuilder, "requests", "PK_requests", "pk_requests");
            RenameConstraint(migrationBuilder, "request_changes", "PK_request_changes", "pk_request_changes");
            RenameConstraint(migrationBuilder, "outbox_messages", "PK_outbox_messages", "pk_outbox_messages");
            RenameConstraint(migrationBuilder, "inbox_messages", "PK_inbox_messages", "pk_inbox_messages");
            RenameConstraint(migrationBuilder, "clarifications", "PK_clarifications", "pk_clarifications");
            RenameConstraint(migrationBuilder, "bugs", "PK_bugs", "pk_bugs");
            RenameConstraint(migrationBuilder, "bugs", "FK_bugs_requests_request_id", "fk_bugs_requests_request_id");
            RenameConstraint(migrationBuilder, "clarifications", "FK_clarifications_requests_request_id", "fk_clarifications_requests_request_id");
            RenameConstraint(migrationBuilder, "request_changes", "FK_request_changes_requests_request_id", "fk_request_changes_requests_request_id");
            RenameConstraint(migrationBuilder, "roadblocks", "FK_roadblocks_requests_request_id", "fk_roadblocks_requests_request_id");
            migrationBuilder.RenameIndex(name: "IX_roadblocks_status_seq", table: "roadblocks", newName: "ix_roadblocks_status_seq");
            migrationBuilder.RenameIndex(name: "IX_roadblocks_seq", table: "roadblocks", newName: "ix_roadblocks_seq");
            migrationBuilder.RenameIndex(name: "IX_roadblocks_request_id", table: "roadblocks", newName: "ix_roadblocks_request_id");
            migrationBuilder.RenameIndex(name: "IX_requests_status_number", table: "requests", newName: "ix_requests_status_number");
            migrationBuilder.RenameIndex(name: "IX_requests_number", table: "requests", newName: "ix_requests_number");
            migrationBuilder.RenameIndex(name: "IX_requests_launch_date", table: "requests", newName: "ix_requests_launch_date");
            migrationBuilder.RenameIndex(name: "IX_request_changes_request_id_id", table: "request_changes", newName: "ix_request_changes_request_id_id");
            migrationBuilder.RenameIndex(name: "IX_outbox_messages_message_id", table: "outbox_messages", newName: "ix_outbox_messages_message_id");
            migrationBuilder.RenameIndex(name: "IX_inbox_messages_processed_at", table: "inbox_messages", newName: "ix_inbox_messages_processed_at");
            migrationBuilder.RenameIndex(name: "IX_clarifications_request_id_asked_at", table: "clarifications", newName: "ix_clarifications_request_id_asked_at");
            migrationBuilder.RenameIndex(name: "IX_bugs_status_number", table: "bugs", newName: "ix_bugs_status_number");
            migrationBuilder.RenameIndex(name: "IX_bugs_request_id_number", table: "bugs", newName: "ix_bugs_request_id_number");
            migrationBuilder.RenameIndex(name: "IX_bugs_number", table: "bugs", newName: "ix_bugs_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RenameConstraint(migrationBuilder, "roadblocks", "pk_roadblocks", "PK_roadblocks");
            RenameConstraint(migrationBuilder, "requests", "pk_requests", "PK_requests");
            RenameConstraint(migrationBuilder, "request_changes", "pk_request_changes", "PK_request_changes");
            RenameConstraint(migrationBuilder, "outbox_messages", "pk_outbox_messages", "PK_outbox_messages");
            RenameConstraint(migrationBuilder, "inbox_messages", "pk_inbox_messages", "PK_inbox_messages");
            RenameConstraint(migrationBuilder, "clarifications", "pk_clarifications", "PK_clarifications");
            RenameConstraint(migrationBuilder, "bugs", "pk_bugs", "PK_bugs");
            RenameConstraint(migrationBuilder, "bugs", "fk_bugs_requests_request_id", "FK_bugs_requests_request_id");
            RenameConstraint(migrationBuilder, "clarifications", "fk_clarifications_requests_request_id", "FK_clarifications_requests_request_id");
            RenameConstraint(migrationBuilder, "request_changes", "fk_request_changes_requests_request_id", "FK_request_changes_requests_request_id");
            RenameConstraint(migrationBuilder, "roadblocks", "fk_roadblocks_requests_request_id", "FK_roadblocks_requests_request_id");
            migrationBuilder.RenameIndex(name: "ix_roadblocks_status_seq", table: "roadblocks", newName: "IX_roadblocks_status_seq");
            migrationBuilder.RenameIndex(name: "ix_roadblocks_seq", table: "roadblocks", newName: "IX_roadblocks_seq");
            migrationBuilder.RenameIndex(name: "ix_roadblocks_request_id", table: "roadblocks", newName: "IX_roadblocks_request_id");
            migrationBuilder.RenameIndex(name: "ix_requests_status_number", table: "requests", newName: "IX_requests_status_number");
            migrationBuilder.RenameIndex(name: "ix_requests_number", table: "requests", newName: "IX_requests_number");
            migrationBuilder.RenameIndex(name: "ix_requests_launch_date", table: "requests", newName: "IX_requests_launch_date");
            migrationBuilder.RenameIndex(name: "ix_request_changes_request_id_id", table: "request_changes", newName: "IX_request_changes_request_id_id");
            migrationBuilder.RenameIndex(name: "ix_outbox_messages_message_id", table: "outbox_messages", newName: "IX_outbox_messages_message_id");
            migrationBuilder.RenameIndex(name: "ix_inbox_messages_processed_at", table: "inbox_messages", newName: "IX_inbox_messages_processed_at");
            migrationBuilder.RenameIndex(name: "ix_clarifications_request_id_asked_at", table: "clarifications", newName: "IX_clarifications_request_id_asked_at");
            migrationBuilder.RenameIndex(name: "ix_bugs_status_number", table: "bugs", newName: "IX_bugs_status_number");
            migrationBuilder.RenameIndex(name: "ix_bugs_request_id_number", table: "bugs", newName: "IX_bugs_request_id_number");
            migrationBuilder.RenameIndex(name: "ix_bugs_number", table: "bugs", newName: "IX_bugs_number");
        }
    }
}
