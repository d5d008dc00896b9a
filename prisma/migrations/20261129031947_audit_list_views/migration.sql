-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "patientIds" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateIndex
CREATE INDEX "AuditEvent_patientIds_idx" ON "AuditEvent" USING GIN ("patientIds");
