-- AlterTable
ALTER TABLE "PlanGoal" ADD COLUMN     "patientWording" TEXT;

-- AlterTable
ALTER TABLE "TreatmentPlanVersion" ADD COLUMN     "patientSummary" TEXT;
