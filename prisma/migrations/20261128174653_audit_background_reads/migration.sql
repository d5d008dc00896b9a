-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "background" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "repeatOfId" UUID;
