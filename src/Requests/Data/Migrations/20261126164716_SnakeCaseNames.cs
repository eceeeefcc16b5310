using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Requests.Data.Migrations
{
    /// <summary>
    /// Names only: the snake case naming convention (EFCore.NamingConventions) names keys, foreign keys and indexes in
    /// lower case (pk_requests, fk_…, ix_…). Columns and tables keep their names. Renamed in place (metadata only, no
    /// index rebuilt, no foreign key checked again) instead of the drop-and-add EF generates for keys.
    /// </summary>
    public partial class SnakeCaseNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE roadblocks RENAME CONSTRAINT \"PK_roadblocks\" TO \"pk_roadblocks\";");
            migrationBuilder.Sql("ALTER TABLE requests RENAME CONSTRAINT \"PK_requests\" TO \"pk_requests\";");
            migrationBuilder.Sql("ALTER TABLE request_changes RENAME CONSTRAINT \"PK_request_changes\" TO \"pk_request_changes\";");
            migrationBuilder.Sql("ALTER TABLE outbox_messages RENAME CONSTRAINT \"PK_outbox_messages\" TO \"pk_outbox_messages\";");
            migrationBuilder.Sql("ALTER TABLE inbox_messages RENAME CONSTRAINT \"PK_inbox_messages\" TO \"pk_inbox_messages\";");
            migrationBuilder.Sql("ALTER TABLE clarifications RENAME CONSTRAINT \"PK_clarifications\" TO \"pk_clarifications\";");
            migrationBuilder.Sql("ALTER TABLE bugs RENAME CONSTRAINT \"PK_bugs\" TO \"pk_bugs\";");
            migrationBuilder.Sql("ALTER TABLE bugs RENAME CONSTRAINT \"FK_bugs_requests_request_id\" TO \"fk_bugs_requests_request_id\";");
            migrationBuilder.Sql("ALTER TABLE clarifications RENAME CONSTRAINT \"FK_clarifications_requests_request_id\" TO \"fk_clarifications_requests_request_id\";");
            migrationBuilder.Sql("ALTER TABLE request_changes RENAME CONSTRAINT \"FK_request_changes_requests_request_id\" TO \"fk_request_changes_requests_request_id\";");
            migrationBuilder.Sql("ALTER TABLE roadblocks RENAME CONSTRAINT \"FK_roadblocks_requests_request_id\" TO \"fk_roadblocks_requests_request_id\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_roadblocks_status_seq\" RENAME TO \"ix_roadblocks_status_seq\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_roadblocks_seq\" RENAME TO \"ix_roadblocks_seq\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_roadblocks_request_id\" RENAME TO \"ix_roadblocks_request_id\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_requests_status_number\" RENAME TO \"ix_requests_status_number\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_requests_number\" RENAME TO \"ix_requests_number\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_requests_launch_date\" RENAME TO \"ix_requests_launch_date\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_request_changes_request_id_id\" RENAME TO \"ix_request_changes_request_id_id\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_outbox_messages_message_id\" RENAME TO \"ix_outbox_messages_message_id\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_inbox_messages_processed_at\" RENAME TO \"ix_inbox_messages_processed_at\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_clarifications_request_id_asked_at\" RENAME TO \"ix_clarifications_request_id_asked_at\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_bugs_status_number\" RENAME TO \"ix_bugs_status_number\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_bugs_request_id_number\" RENAME TO \"ix_bugs_request_id_number\";");
            migrationBuilder.Sql("ALTER INDEX \"IX_bugs_number\" RENAME TO \"ix_bugs_number\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE roadblocks RENAME CONSTRAINT \"pk_roadblocks\" TO \"PK_roadblocks\";");
            migrationBuilder.Sql("ALTER TABLE requests RENAME CONSTRAINT \"pk_requests\" TO \"PK_requests\";");
            migrationBuilder.Sql("ALTER TABLE request_changes RENAME CONSTRAINT \"pk_request_changes\" TO \"PK_request_changes\";");
            migrationBuilder.Sql("ALTER TABLE outbox_messages RENAME CONSTRAINT \"pk_outbox_messages\" TO \"PK_outbox_messages\";");
            migrationBuilder.Sql("ALTER TABLE inbox_messages RENAME CONSTRAINT \"pk_inbox_messages\" TO \"PK_inbox_messages\";");
            migrationBuilder.Sql("ALTER TABLE clarifications RENAME CONSTRAINT \"pk_clarifications\" TO \"PK_clarifications\";");
            migrationBuilder.Sql("ALTER TABLE bugs RENAME CONSTRAINT \"pk_bugs\" TO \"PK_bugs\";");
            migrationBuilder.Sql("ALTER TABLE bugs RENAME CONSTRAINT \"fk_bugs_requests_request_id\" TO \"FK_bugs_requests_request_id\";");
            migrationBuilder.Sql("ALTER TABLE clarifications RENAME CONSTRAINT \"fk_clarifications_requests_request_id\" TO \"FK_clarifications_requests_request_id\";");
            migrationBuilder.Sql("ALTER TABLE request_changes RENAME CONSTRAINT \"fk_request_changes_requests_request_id\" TO \"FK_request_changes_requests_request_id\";");
            migrationBuilder.Sql("ALTER TABLE roadblocks RENAME CONSTRAINT \"fk_roadblocks_requests_request_id\" TO \"FK_roadblocks_requests_request_id\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_roadblocks_status_seq\" RENAME TO \"IX_roadblocks_status_seq\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_roadblocks_seq\" RENAME TO \"IX_roadblocks_seq\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_roadblocks_request_id\" RENAME TO \"IX_roadblocks_request_id\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_requests_status_number\" RENAME TO \"IX_requests_status_number\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_requests_number\" RENAME TO \"IX_requests_number\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_requests_launch_date\" RENAME TO \"IX_requests_launch_date\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_request_changes_request_id_id\" RENAME TO \"IX_request_changes_request_id_id\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_outbox_messages_message_id\" RENAME TO \"IX_outbox_messages_message_id\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_inbox_messages_processed_at\" RENAME TO \"IX_inbox_messages_processed_at\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_clarifications_request_id_asked_at\" RENAME TO \"IX_clarifications_request_id_asked_at\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_bugs_status_number\" RENAME TO \"IX_bugs_status_number\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_bugs_request_id_number\" RENAME TO \"IX_bugs_request_id_number\";");
            migrationBuilder.Sql("ALTER INDEX \"ix_bugs_number\" RENAME TO \"IX_bugs_number\";");
        }
    }
}
