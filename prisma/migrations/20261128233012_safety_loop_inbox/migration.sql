-- CreateEnum
CREATE TYPE "SafetyFlagSource" AS ENUM ('PHQ9_ITEM9', 'PHQ9_TOTAL', 'SEVERE_SIDE_EFFECT', 'CLINICIAN');

-- CreateEnum
CREATE TYPE "SafetyFlagUrgency" AS ENUM ('URGENT', 'HIGH');

-- CreateEnum
CREATE TYPE "SafetyFlagStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "SafetyFlagOutcome" AS ENUM ('CONTACTED_PATIENT', 'SAFETY_PLAN_REVIEWED', 'EMERGENCY_SERVICES', 'NO_ACTION_NEEDED', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('PHONE', 'TEXT', 'EMAIL');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('SAFETY_FLAG_RAISED', 'SAFETY_FLAG_ACKNOWLEDGED', 'SAFETY_FLAG_RESOLVED', 'PLAN_REVIEW_REQUESTED', 'CARE_TEAM_MESSAGE', 'MEDICATION_CHANGE', 'PLAN_VERSION', 'PLAN_COMMENT', 'SEVERE_SIDE_EFFECT', 'SCORE_WORSENED', 'MISSED_CHECK_INS', 'SESSION_NOTE_SIGNED');

-- DropForeignKey
ALTER TABLE "SafetyFlag" DROP CONSTRAINT "SafetyFlag_reviewedById_fkey";

-- DropIndex
DROP INDEX "SafetyFlag_patientId_reviewedAt_raisedAt_idx";

-- AlterTable: the flag's lifecycle. Flags raised before it were all PHQ-9 item 9 answers; one
-- already reviewed becomes RESOLVED with the reviewer, an outcome of OTHER and a note saying so.
ALTER TABLE "SafetyFlag" ADD COLUMN     "acknowledgedAt" TIMESTAMPTZ(3),
ADD COLUMN     "acknowledgedById" UUID,
ADD COLUMN     "checkInId" UUID,
ADD COLUMN     "outcome" "SafetyFlagOutcome",
ADD COLUMN     "raisedById" UUID,
ADD COLUMN     "resolutionNote" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMPTZ(3),
ADD COLUMN     "resolvedById" UUID,
ADD COLUMN     "source" "SafetyFlagSource" NOT NULL DEFAULT 'PHQ9_ITEM9',
ADD COLUMN     "status" "SafetyFlagStatus" NOT NULL DEFAULT 'OPEN',
ADD COLUMN     "urgency" "SafetyFlagUrgency" NOT NULL DEFAULT 'URGENT';

UPDATE "SafetyFlag"
   SET "status" = 'RESOLVED',
       "acknowledgedAt" = "reviewedAt", "acknowledgedById" = "reviewedById",
       "resolvedAt" = "reviewedAt", "resolvedById" = "reviewedById",
       "outcome" = 'OTHER', "resolutionNote" = 'Reviewed before flags recorded an outcome.'
 WHERE "reviewedAt" IS NOT NULL;

ALTER TABLE "SafetyFlag" ALTER COLUMN "source" DROP DEFAULT,
ALTER COLUMN "urgency" DROP DEFAULT,
DROP COLUMN "reviewedAt",
DROP COLUMN "reviewedById";

-- SECURITY (clinical record): a flag's state and its who/when/outcome always agree.
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_lifecycle_check" CHECK (
  ("status" = 'OPEN' AND "acknowledgedAt" IS NULL AND "resolvedAt" IS NULL)
  OR ("status" = 'ACKNOWLEDGED' AND "acknowledgedAt" IS NOT NULL AND "acknowledgedById" IS NOT NULL AND "resolvedAt" IS NULL)
  OR ("status" = 'RESOLVED' AND "acknowledgedAt" IS NOT NULL AND "resolvedAt" IS NOT NULL
      AND "resolvedById" IS NOT NULL AND "outcome" IS NOT NULL AND "resolutionNote" IS NOT NULL)
);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'America/New_York';

-- CreateTable
CREATE TABLE "PatientContact" (
    "patientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "phone" TEXT,
    "preferredContact" "ContactMethod",
    "emergencyName" TEXT,
    "emergencyRelationship" TEXT,
    "emergencyPhone" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID NOT NULL,

    CONSTRAINT "PatientContact_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "SafetyPlan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "currentVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SafetyPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyPlanVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SafetyPlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "patientId" UUID,
    "kind" "NotificationKind" NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "summary" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "subjectId" UUID,
    "safetyFlagId" UUID,
    "actorId" UUID,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "userId" UUID NOT NULL,
    "emailKinds" "NotificationKind"[] DEFAULT ARRAY[]::"NotificationKind"[],
    "quietHoursStart" TEXT,
    "quietHoursEnd" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SafetyPlan_patientId_key" ON "SafetyPlan"("patientId");

-- CreateIndex
CREATE INDEX "SafetyPlanVersion_patientId_version_idx" ON "SafetyPlanVersion"("patientId", "version" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "SafetyPlanVersion_planId_version_key" ON "SafetyPlanVersion"("planId", "version");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_createdAt_idx" ON "Notification"("recipientId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_recipientId_patientId_readAt_idx" ON "Notification"("recipientId", "patientId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_recipientId_dedupeKey_key" ON "Notification"("recipientId", "dedupeKey");

-- CreateIndex
CREATE INDEX "SafetyFlag_patientId_status_raisedAt_idx" ON "SafetyFlag"("patientId", "status", "raisedAt" DESC);

-- CreateIndex
CREATE INDEX "SafetyFlag_organizationId_status_idx" ON "SafetyFlag"("organizationId", "status");

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientContact" ADD CONSTRAINT "PatientContact_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientContact" ADD CONSTRAINT "PatientContact_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyPlan" ADD CONSTRAINT "SafetyPlan_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyPlanVersion" ADD CONSTRAINT "SafetyPlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SafetyPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyPlanVersion" ADD CONSTRAINT "SafetyPlanVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_safetyFlagId_fkey" FOREIGN KEY ("safetyFlagId") REFERENCES "SafetyFlag"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
