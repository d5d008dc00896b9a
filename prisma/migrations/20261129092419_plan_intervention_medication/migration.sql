-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PLAN_MEDICATION_REVIEW';

-- AlterTable
ALTER TABLE "PlanIntervention" ADD COLUMN     "medicationKey" TEXT;
