using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MarketingDev.Gateway.Data.Migrations
{
    /// <summary>
    /// Names only: the snake case naming convention (EFCore.NamingConventions) names keys, foreign keys and indexes in
    /// lower case (pk_…, fk_…, ak_…, ix_…). Columns and tables keep their names (they were snake case already). EF
    /// generates a drop and an add for each key (rebuilding its index, checking every row again, under an exclusive
    /// lock); they are renamed in place instead, which changes only the catalog.
    /// </summary>
    public partial class SnakeCaseNames : Migration
    {
        private static void RenameConstraint(MigrationBuilder migrationBuilder, string table, string name, string newName) =>
            migrationBuilder.Sql($"ALTER TABLE \"{table}\" RENAME CONSTRAINT \"{name}\" TO \"{newName}\";");

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            RenameConstraint(migrationBuilder, "webhooks", "PK_webhooks", "pk_webhooks");
            RenameConstraint(migrationBuilder, "webhook_delivery_attempts", "PK_webhook_delivery_attempts", "pk_webhook_delivery_attempts");
            RenameConstraint(migrationBuilder, "webhook_deliveries", "AK_webhook_deliveries_sequence", "ak_webhook_deliveries_sequence");
            RenameConstraint(migrationBuilder, "webhook_deliveries", "PK_webhook_deliveries", "pk_webhook_deliveries");
            RenameConstraint(migrationBuilder, "outbox_messages", "PK_outbox_messages", "pk_outbox_messages");
            RenameConstraint(migrationBuilder, "integration_events", "PK_integration_events", "pk_integration_events");
            RenameConstraint(migrationBuilder, "inbox_messages", "PK_inbox_messages", "pk_inbox_messages");
            RenameConstraint(migrationBuilder, "idempotency_records", "PK_idempotency_records", "pk_idempotency_records");
            RenameConstraint(migrationBuilder, "data_protection_keys", "PK_data_protection_keys", "pk_data_protection_keys");
            RenameConstraint(migrationBuilder, "api_keys", "PK_api_keys", "pk_api_keys");
            RenameConstraint(migrationBuilder, "webhook_deliveries", "FK_webhook_deliveries_webhooks_webhook_id", "fk_webhook_deliveries_webhooks_webhook_id");
            RenameConstraint(migrationBuilder, "webhook_delivery_attempts", "FK_webhook_delivery_attempts_webhook_deliveries_delivery_id", "fk_webhook_delivery_attempts_webhook_deliveries_delivery_id");
            migrationBuilder.RenameIndex(name: "IX_webhook_delivery_attempts_delivery_id", table: "webhook_delivery_attempts", newName: "ix_webhook_delivery_attempts_delivery_id");
            migrationBuilder.RenameIndex(name: "IX_webhook_deliveries_webhook_id_sequence", table: "webhook_deliveries", newName: "ix_webhook_deliveries_webhook_id_sequence");
            migrationBuilder.RenameIndex(name: "IX_webhook_deliveries_event_id", table: "webhook_deliveries", newName: "ix_webhook_deliveries_event_id");
            migrationBuilder.RenameIndex(name: "IX_outbox_messages_message_id", table: "outbox_messages", newName: "ix_outbox_messages_message_id");
            migrationBuilder.RenameIndex(name: "IX_integration_events_recorded_at", table: "integration_events", newName: "ix_integration_events_recorded_at");
            migrationBuilder.RenameIndex(name: "IX_integration_events_event_id", table: "integration_events", newName: "ix_integration_events_event_id");
            migrationBuilder.RenameIndex(name: "IX_inbox_messages_processed_at", table: "inbox_messages", newName: "ix_inbox_messages_processed_at");
            migrationBuilder.RenameIndex(name: "IX_idempotency_records_expires_at", table: "idempotency_records", newName: "ix_idempotency_records_expires_at");
            migrationBuilder.RenameIndex(name: "IX_api_keys_hash", table: "api_keys", newName: "ix_api_keys_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RenameConstraint(migrationBuilder, "webhooks", "pk_webhooks", "PK_webhooks");
            RenameConstraint(migrationBuilder, "webhook_delivery_attempts", "pk_webhook_delivery_attempts", "PK_webhook_delivery_attempts");
            RenameConstraint(migrationBuilder, "webhook_deliveries", "ak_webhook_deliveries_sequence", "AK_webhook_deliveries_sequence");
            RenameConstraint(migrationBuilder, "webhook_deliveries", "pk_webhook_deliveries", "PK_webhook_deliveries");
            RenameConstraint(migrationBuilder, "outbox_messages", "pk_outbox_messages", "PK_outbox_messages");
            RenameConstraint(migrationBuilder, "integration_events", "pk_integration_events", "PK_integration_events");
            RenameConstraint(migrationBuilder, "inbox_messages", "pk_inbox_messages", "PK_inbox_messages");
            RenameConstraint(migrationBuilder, "idempotency_records", "pk_idempotency_records", "PK_idempotency_records");
            RenameConstraint(migrationBuilder, "data_protection_keys", "pk_data_protection_keys", "PK_data_protection_keys");
            RenameConstraint(migrationBuilder, "api_keys", "pk_api_keys", "PK_api_keys");
            RenameConstraint(migrationBuilder, "webhook_deliveries", "fk_webhook_deliveries_webhooks_webhook_id", "FK_webhook_deliveries_webhooks_webhook_id");
            RenameConstraint(migrationBuilder, "webhook_delivery_attempts", "fk_webhook_delivery_attempts_webhook_deliveries_delivery_id", "FK_webhook_delivery_attempts_webhook_deliveries_delivery_id");
            migrationBuilder.RenameIndex(name: "ix_webhook_delivery_attempts_delivery_id", table: "webhook_delivery_attempts", newName: "IX_webhook_delivery_attempts_delivery_id");
            migrationBuilder.RenameIndex(name: "ix_webhook_deliveries_webhook_id_sequence", table: "webhook_deliveries", newName: "IX_webhook_deliveries_webhook_id_sequence");
            migrationBuilder.RenameIndex(name: "ix_webhook_deliveries_event_id", table: "webhook_deliveries", newName: "IX_webhook_deliveries_event_id");
            migrationBuilder.RenameIndex(name: "ix_outbox_messages_message_id", table: "outbox_messages", newName: "IX_outbox_messages_message_id");
            migrationBuilder.RenameIndex(name: "ix_integration_events_recorded_at", table: "integration_events", newName: "IX_integration_events_recorded_at");
            migrationBuilder.RenameIndex(name: "ix_integration_events_event_id", table: "integration_events", newName: "IX_integration_events_event_id");
            migrationBuilder.RenameIndex(name: "ix_inbox_messages_processed_at", table: "inbox_messages", newName: "IX_inbox_messages_processed_at");
            migrationBuilder.RenameIndex(name: "ix_idempotency_records_expires_at", table: "idempotency_records", newName: "IX_idempotency_records_expires_at");
            migrationBuilder.RenameIndex(name: "ix_api_keys_hash", table: "api_keys", newName: "IX_api_keys_hash");
        }
    }
}
