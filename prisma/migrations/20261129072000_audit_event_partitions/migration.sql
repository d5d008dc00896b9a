-- The audit trail, partitioned by month of "occurredAt" (docs/operations/retention.md), so that
-- retention drops a whole month's partition instead of deleting rows (which the append-only
-- trigger refuses). Hand-written: partitioning is invisible to Prisma's diff, which sees the same
-- table, keys and indexes as schema.prisma.

-- One month's partition, "AuditEvent_YYYY_MM" (UTC months), with the TRUNCATE guard: statement
-- triggers on a partitioned table are not cloned to its partitions (row triggers are). Does
-- nothing when the partition exists. The job (lib/data/audit-retention.ts) creates months ahead.
CREATE FUNCTION audit_event_partition(month timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  first timestamptz := date_trunc('month', month AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  name text := 'AuditEvent_' || to_char(first AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
  -- Two job runners at the turn of a month: one creates, the other then finds it.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_event_partition', 0));
  IF to_regclass(format('%I', name)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF "AuditEvent" FOR VALUES FROM (%L) TO (%L)',
      name, first, first + interval '1 month');
    EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()', name);
  END IF;
  RETURN name;
END;
$$;

CREATE TABLE "AuditEvent_new" (LIKE "AuditEvent" INCLUDING DEFAULTS) PARTITION BY RANGE ("occurredAt");
ALTER SEQUENCE "AuditEvent_seq_seq" OWNED BY "AuditEvent_new"."seq";
ALTER TABLE "AuditEvent" RENAME TO "AuditEvent_old";
ALTER TABLE "AuditEvent_new" RENAME TO "AuditEvent";

-- Rows outside every month's partition (the job fell three months behind) land here. It is never
-- dropped; a row in it keeps its month's partition from being created (the job reports that).
CREATE TABLE "AuditEvent_default" PARTITION OF "AuditEvent" DEFAULT;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent_default"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Every month that holds events, up to three months ahead; then the events move.
DO $$
DECLARE m timestamptz := coalesce((SELECT min("occurredAt") FROM "AuditEvent_old"), now());
BEGIN
  WHILE m < now() + interval '3 months' LOOP
    PERFORM audit_event_partition(m);
    m := date_trunc('month', m AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '1 month';
  END LOOP;
END $$;
INSERT INTO "AuditEvent" SELECT * FROM "AuditEvent_old";
DROP TABLE "AuditEvent_old";

-- Keys and unique constraints of a partitioned table include the partition key.
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id", "occurredAt");
CREATE UNIQUE INDEX "AuditEvent_seq_occurredAt_key" ON "AuditEvent"("seq", "occurredAt");
CREATE INDEX "AuditEvent_organizationId_seq_idx" ON "AuditEvent"("organizationId", "seq" DESC);
CREATE INDEX "AuditEvent_organizationId_occurredAt_idx" ON "AuditEvent"("organizationId", "occurredAt" DESC);
CREATE INDEX "AuditEvent_patientId_occurredAt_idx" ON "AuditEvent"("patientId", "occurredAt" DESC);
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt" DESC);
CREATE INDEX "AuditEvent_txid_seq_idx" ON "AuditEvent"("txid", "seq");
CREATE INDEX "AuditEvent_patientIds_idx" ON "AuditEvent" USING GIN ("patientIds");

-- Append-only, as before (20261127030000_audit_append_only): the row trigger reaches every
-- partition; TRUNCATE of the whole table is refused here, of one partition by its own trigger.
CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
