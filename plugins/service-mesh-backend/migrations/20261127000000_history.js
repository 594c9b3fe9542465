// @ts-check

/**
 * Mesh history per entity (one row per entity and run of the history task) and the
 * notifications already sent (their keys deduplicate across runs and replicas).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('mesh_history', table => {
    table.comment('Score, triggers and coverage of an entity at each run of the history task');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.string('state', 32).notNullable();
    table.integer('score').nullable();
    table.string('recommendation', 32).nullable();
    table.text('triggers_fired').notNullable().comment('JSON array of trigger ids');
    table.double('meshed_pod_ratio').nullable();
    table.double('mtls_inbound_ratio').nullable();
    table.index(['entity_ref', 'recorded_at'], 'mesh_history_entity_time_idx');
  });
  await knex.schema.createTable('mesh_notifications_sent', table => {
    table.comment('Notifications sent to entity owners, by deduplication key');
    table.string('entity_ref', 255).notNullable();
    table.string('key', 255).notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mesh_notifications_sent');
  await knex.schema.dropTable('mesh_history');
};
