-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN');

-- CreateEnum
CREATE TYPE "MedicationAction" AS ENUM ('START', 'INCREASE', 'DECREASE', 'HOLD', 'RESUME', 'STOP', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "MedicationStatus" AS ENUM ('ACTIVE', 'HELD', 'STOPPED');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'ACHIEVED', 'PAUSED', 'DISCONTINUED');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('NONE', 'PHQ9', 'GAD7', 'PERSONAL');

-- CreateEnum
CREATE TYPE "MeasureDirection" AS ENUM ('AT_MOST', 'AT_LEAST');

-- CreateEnum
CREATE TYPE "InterventionKind" AS ENUM ('MEDICATION_MANAGEMENT', 'CBT', 'DBT', 'ACT', 'PSYCHOEDUCATION', 'BEHAVIORAL_ACTIVATION', 'EXPOSURE', 'SKILLS_PRACTICE', 'OTHER');

-- CreateEnum
CREATE TYPE "PlanReviewReason" AS ENUM ('TOO_INTENSE', 'TOO_COSTLY', 'HARD_TO_KEEP_UP', 'NOT_HELPING', 'OTHER');

-- CreateEnum
CREATE TYPE "SessionNoteKind" AS ENUM ('THERAPY', 'MEDICATION_MANAGEMENT');

-- CreateEnum
CREATE TYPE "SessionNoteFormat" AS ENUM ('DAP', 'SOAP');

-- CreateEnum
CREATE TYPE "SessionNoteStatus" AS ENUM ('DRAFT', 'SIGNED');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('MILD', 'MODERATE', 'SEVERE');

-- CreateEnum
CREATE TYPE "Instrument" AS ENUM ('PHQ9', 'GAD7');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('ALLOWED', 'DENIED', 'FAILED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "pronouns" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareTeamMembership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CareTeamMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentPlan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TreatmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentPlanVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "presentingConcerns" TEXT NOT NULL,
    "patientGoalsOwnWords" TEXT NOT NULL,
    "reviewBy" DATE,
    "assessmentIntervalDays" INTEGER NOT NULL DEFAULT 14,
    "changeSummary" TEXT,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TreatmentPlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanGoal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "planVersionId" UUID NOT NULL,
    "goalKey" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "measureKind" "MeasureKind" NOT NULL DEFAULT 'NONE',
    "measureName" TEXT,
    "measureUnit" TEXT,
    "direction" "MeasureDirection",
    "targetValue" DOUBLE PRECISION,
    "targetDate" DATE,

    CONSTRAINT "PlanGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanIntervention" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "planVersionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "InterventionKind" NOT NULL,
    "description" TEXT NOT NULL,
    "ownerId" UUID,
    "frequency" TEXT NOT NULL,

    CONSTRAINT "PlanIntervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanAcknowledgement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "planVersionId" UUID NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanComment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "planVersionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanReviewRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "reason" "PlanReviewReason" NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,

    CONSTRAINT "PlanReviewRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicationChange" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "prescriberId" UUID NOT NULL,
    "action" "MedicationAction" NOT NULL,
    "medication" TEXT NOT NULL,
    "medicationKey" TEXT NOT NULL,
    "dose" DECIMAL(10,3),
    "unit" TEXT,
    "frequency" TEXT,
    "route" TEXT,
    "effectiveDate" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "monitorFor" TEXT[],
    "reviewBy" DATE,
    "patientExplanation" TEXT,
    "noteForCareTeam" TEXT,
    "previousChangeId" UUID,
    "correctsId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MedicationChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicationState" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "medicationKey" TEXT NOT NULL,
    "medication" TEXT NOT NULL,
    "status" "MedicationStatus" NOT NULL,
    "dose" DECIMAL(10,3),
    "unit" TEXT,
    "frequency" TEXT,
    "route" TEXT,
    "since" DATE NOT NULL,
    "lastChangeId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MedicationState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionNote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "kind" "SessionNoteKind" NOT NULL,
    "format" "SessionNoteFormat" NOT NULL,
    "sessionDate" DATE NOT NULL,
    "body" JSONB NOT NULL,
    "status" "SessionNoteStatus" NOT NULL DEFAULT 'DRAFT',
    "signedAt" TIMESTAMPTZ(3),
    "withheldAt" TIMESTAMPTZ(3),
    "withheldReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionNoteAddendum" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionNoteAddendum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PsychotherapyNote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "sessionDate" DATE,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PsychotherapyNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "localDate" DATE NOT NULL,
    "mood" INTEGER NOT NULL,
    "sleepHours" DECIMAL(4,1),
    "sleepQuality" INTEGER,
    "appetite" INTEGER,
    "energy" INTEGER,
    "focus" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInSideEffect" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "checkInId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "reportedOn" DATE NOT NULL,

    CONSTRAINT "CheckInSideEffect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInMeasureValue" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "checkInId" UUID NOT NULL,
    "goalKey" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "reportedOn" DATE NOT NULL,

    CONSTRAINT "CheckInMeasureValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "instrument" "Instrument" NOT NULL,
    "answers" INTEGER[],
    "score" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "safetyFlag" BOOLEAN NOT NULL DEFAULT false,
    "completedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyFlag" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "assessmentId" UUID,
    "reason" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,

    CONSTRAINT "SafetyFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareTeamMessage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareTeamMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "organizationId" UUID,
    "actorId" UUID,
    "actorRole" "Role",
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT,
    "patientId" UUID,
    "outcome" "AuditOutcome" NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "requestId" TEXT,
    "detail" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PasswordSetToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordSetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_role_name_idx" ON "User"("organizationId", "role", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_userId_key" ON "Patient"("userId");

-- CreateIndex
CREATE INDEX "Patient_organizationId_idx" ON "Patient"("organizationId");

-- CreateIndex
CREATE INDEX "CareTeamMembership_clinicianId_endedAt_patientId_idx" ON "CareTeamMembership"("clinicianId", "endedAt", "patientId");

-- CreateIndex
CREATE INDEX "CareTeamMembership_patientId_endedAt_idx" ON "CareTeamMembership"("patientId", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentPlan_patientId_key" ON "TreatmentPlan"("patientId");

-- CreateIndex
CREATE INDEX "TreatmentPlanVersion_patientId_createdAt_idx" ON "TreatmentPlanVersion"("patientId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentPlanVersion_planId_version_key" ON "TreatmentPlanVersion"("planId", "version");

-- CreateIndex
CREATE INDEX "PlanGoal_planVersionId_position_idx" ON "PlanGoal"("planVersionId", "position");

-- CreateIndex
CREATE INDEX "PlanIntervention_planVersionId_position_idx" ON "PlanIntervention"("planVersionId", "position");

-- CreateIndex
CREATE INDEX "PlanAcknowledgement_patientId_acknowledgedAt_idx" ON "PlanAcknowledgement"("patientId", "acknowledgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAcknowledgement_planVersionId_patientId_key" ON "PlanAcknowledgement"("planVersionId", "patientId");

-- CreateIndex
CREATE INDEX "PlanComment_patientId_createdAt_idx" ON "PlanComment"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "PlanReviewRequest_patientId_resolvedAt_createdAt_idx" ON "PlanReviewRequest"("patientId", "resolvedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MedicationChange_previousChangeId_key" ON "MedicationChange"("previousChangeId");

-- CreateIndex
CREATE UNIQUE INDEX "MedicationChange_correctsId_key" ON "MedicationChange"("correctsId");

-- CreateIndex
CREATE INDEX "MedicationChange_patientId_effectiveDate_createdAt_idx" ON "MedicationChange"("patientId", "effectiveDate" DESC, "createdAt" DESC);

-- CreateIndex
CREATE INDEX "MedicationChange_patientId_createdAt_idx" ON "MedicationChange"("patientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "MedicationChange_patientId_medicationKey_effectiveDate_idx" ON "MedicationChange"("patientId", "medicationKey", "effectiveDate" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "MedicationState_patientId_medicationKey_key" ON "MedicationState"("patientId", "medicationKey");

-- CreateIndex
CREATE INDEX "SessionNote_patientId_sessionDate_idx" ON "SessionNote"("patientId", "sessionDate" DESC);

-- CreateIndex
CREATE INDEX "SessionNote_authorId_patientId_status_signedAt_idx" ON "SessionNote"("authorId", "patientId", "status", "signedAt" DESC);

-- CreateIndex
CREATE INDEX "SessionNoteAddendum_noteId_createdAt_idx" ON "SessionNoteAddendum"("noteId", "createdAt");

-- CreateIndex
CREATE INDEX "PsychotherapyNote_authorId_patientId_createdAt_idx" ON "PsychotherapyNote"("authorId", "patientId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_patientId_localDate_key" ON "CheckIn"("patientId", "localDate");

-- CreateIndex
CREATE INDEX "CheckInSideEffect_patientId_reportedOn_idx" ON "CheckInSideEffect"("patientId", "reportedOn");

-- CreateIndex
CREATE INDEX "CheckInSideEffect_patientId_severity_reportedOn_idx" ON "CheckInSideEffect"("patientId", "severity", "reportedOn");

-- CreateIndex
CREATE INDEX "CheckInSideEffect_checkInId_idx" ON "CheckInSideEffect"("checkInId");

-- CreateIndex
CREATE INDEX "CheckInMeasureValue_patientId_goalKey_reportedOn_idx" ON "CheckInMeasureValue"("patientId", "goalKey", "reportedOn");

-- CreateIndex
CREATE UNIQUE INDEX "CheckInMeasureValue_checkInId_goalKey_key" ON "CheckInMeasureValue"("checkInId", "goalKey");

-- CreateIndex
CREATE INDEX "Assessment_patientId_instrument_completedAt_idx" ON "Assessment"("patientId", "instrument", "completedAt" DESC);

-- CreateIndex
CREATE INDEX "SafetyFlag_patientId_reviewedAt_raisedAt_idx" ON "SafetyFlag"("patientId", "reviewedAt", "raisedAt");

-- CreateIndex
CREATE INDEX "CareTeamMessage_patientId_createdAt_idx" ON "CareTeamMessage"("patientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_seq_idx" ON "AuditEvent"("organizationId", "seq" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_occurredAt_idx" ON "AuditEvent"("organizationId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_patientId_occurredAt_idx" ON "AuditEvent"("patientId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordSetToken_tokenHash_key" ON "PasswordSetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_userId_key_key" ON "IdempotencyKey"("userId", "key");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamMembership" ADD CONSTRAINT "CareTeamMembership_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamMembership" ADD CONSTRAINT "CareTeamMembership_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlan" ADD CONSTRAINT "TreatmentPlan_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlanVersion" ADD CONSTRAINT "TreatmentPlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TreatmentPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlanVersion" ADD CONSTRAINT "TreatmentPlanVersion_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlanVersion" ADD CONSTRAINT "TreatmentPlanVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanGoal" ADD CONSTRAINT "PlanGoal_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "TreatmentPlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIntervention" ADD CONSTRAINT "PlanIntervention_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "TreatmentPlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIntervention" ADD CONSTRAINT "PlanIntervention_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAcknowledgement" ADD CONSTRAINT "PlanAcknowledgement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAcknowledgement" ADD CONSTRAINT "PlanAcknowledgement_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "TreatmentPlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "TreatmentPlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReviewRequest" ADD CONSTRAINT "PlanReviewRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReviewRequest" ADD CONSTRAINT "PlanReviewRequest_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TreatmentPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReviewRequest" ADD CONSTRAINT "PlanReviewRequest_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicationChange" ADD CONSTRAINT "MedicationChange_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicationChange" ADD CONSTRAINT "MedicationChange_prescriberId_fkey" FOREIGN KEY ("prescriberId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicationChange" ADD CONSTRAINT "MedicationChange_previousChangeId_fkey" FOREIGN KEY ("previousChangeId") REFERENCES "MedicationChange"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicationChange" ADD CONSTRAINT "MedicationChange_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "MedicationChange"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicationState" ADD CONSTRAINT "MedicationState_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicationState" ADD CONSTRAINT "MedicationState_lastChangeId_fkey" FOREIGN KEY ("lastChangeId") REFERENCES "MedicationChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNote" ADD CONSTRAINT "SessionNote_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNote" ADD CONSTRAINT "SessionNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNoteAddendum" ADD CONSTRAINT "SessionNoteAddendum_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNoteAddendum" ADD CONSTRAINT "SessionNoteAddendum_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "SessionNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNoteAddendum" ADD CONSTRAINT "SessionNoteAddendum_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PsychotherapyNote" ADD CONSTRAINT "PsychotherapyNote_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PsychotherapyNote" ADD CONSTRAINT "PsychotherapyNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInSideEffect" ADD CONSTRAINT "CheckInSideEffect_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInSideEffect" ADD CONSTRAINT "CheckInSideEffect_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInMeasureValue" ADD CONSTRAINT "CheckInMeasureValue_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInMeasureValue" ADD CONSTRAINT "CheckInMeasureValue_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamMessage" ADD CONSTRAINT "CareTeamMessage_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamMessage" ADD CONSTRAINT "CareTeamMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordSetToken" ADD CONSTRAINT "PasswordSetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
