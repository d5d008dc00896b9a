-- The writing transaction's id. Added without a default first, so the events written before (the
-- hash chain) keep txid NULL; the default then applies to every event written from now on.
ALTER TABLE "AuditEvent" ADD COLUMN     "txid" BIGINT;
ALTER TABLE "AuditEvent" ALTER COLUMN "txid" SET DEFAULT ((pg_current_xact_id())::text)::bigint;

-- CreateTable
CREATE TABLE "AuditSeal" (
    "seq" BIGSERIAL NOT NULL,
    "fromTxid" BIGINT NOT NULL,
    "toTxid" BIGINT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "root" TEXT NOT NULL,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,
    "sealedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditSeal_toTxid_key" ON "AuditSeal"("toTxid");

-- CreateIndex
CREATE INDEX "AuditEvent_txid_seq_idx" ON "AuditEvent"("txid", "seq");

-- Seals are append-only too, for every connection (the app's included).
CREATE TRIGGER audit_seal_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "AuditSeal"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_seal_no_truncate
  BEFORE TRUNCATE ON "AuditSeal"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
