-- Check-ins, partitioned by month of "localDate" (docs/operations/retention.md, decision 037), so
-- that a retention, when a clinic sets one, drops a whole month's partition. Converts the table in
-- place, in the migration's one transaction. Hand-written around Prisma's diff (the keys and
-- references below are what schema.prisma says); partitioning itself is invisible to the diff.

-- One month's partition, "CheckIn_YYYY_MM". Does nothing when the partition exists. The job
-- (lib/data/check-in-retention.ts) creates months ahead.
CREATE FUNCTION check_in_partition(month date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  first date := date_trunc('month', month)::date;
  name text := 'CheckIn_' || to_char(first, 'YYYY_MM');
BEGIN
  -- Two job runners at the turn of a month: one creates, the other then finds it.
  PERFORM pg_advisory_xact_lock(hashtextextended('check_in_partition', 0));
  IF to_regclass(format('%I', name)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF "CheckIn" FOR VALUES FROM (%L) TO (%L)',
      name, first, (first + interval '1 month')::date);
  END IF;
  RETURN name;
END;
$$;

-- The references into the old table go first; they come back composite, with the check-in's date.
ALTER TABLE "CheckInMeasureValue" DROP CONSTRAINT "CheckInMeasureValue_checkInId_fkey";
ALTER TABLE "CheckInSideEffect" DROP CONSTRAINT "CheckInSideEffect_checkInId_fkey";
ALTER TABLE "SafetyFlag" DROP CONSTRAINT "SafetyFlag_checkInId_fkey";

CREATE TABLE "CheckIn_new" (LIKE "CheckIn" INCLUDING DEFAULTS) PARTITION BY RANGE ("localDate");
ALTER TABLE "CheckIn" RENAME TO "CheckIn_old";
ALTER TABLE "CheckIn_old" RENAME CONSTRAINT "CheckIn_pkey" TO "CheckIn_old_pkey";
ALTER INDEX "CheckIn_patientId_localDate_key" RENAME TO "CheckIn_old_patientId_localDate_key";
ALTER TABLE "CheckIn_new" RENAME TO "CheckIn";

-- A date outside every month's partition (the job fell three months behind, or a write far in
-- the past) lands here. It is never dropped; a row in it keeps its month's partition from being
-- created (the job reports that).
CREATE TABLE "CheckIn_default" PARTITION OF "CheckIn" DEFAULT;

-- Every month that holds check-ins, up to three months ahead; then the rows move.
DO $$
DECLARE m date := coalesce((SELECT min("localDate") FROM "CheckIn_old"), current_date);
BEGIN
  WHILE m < current_date + interval '3 months' LOOP
    PERFORM check_in_partition(m);
    m := (date_trunc('month', m) + interval '1 month')::date;
  END LOOP;
END $$;
INSERT INTO "CheckIn" SELECT * FROM "CheckIn_old";
DROP TABLE "CheckIn_old";

-- Keys and unique constraints of a partitioned table include the partition key.
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id", "localDate");
CREATE UNIQUE INDEX "CheckIn_patientId_localDate_key" ON "CheckIn"("patientId", "localDate");
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The side effects and measure values already carry the day as "reportedOn" (record-day.ts
-- writes the check-in's localDate); it becomes part of their reference. Aligned first, so that a
-- row written otherwise cannot make the reference fail.
UPDATE "CheckInSideEffect" s SET "reportedOn" = c."localDate"
  FROM "CheckIn" c WHERE c.id = s."checkInId" AND s."reportedOn" <> c."localDate";
UPDATE "CheckInMeasureValue" v SET "reportedOn" = c."localDate"
  FROM "CheckIn" c WHERE c.id = v."checkInId" AND v."reportedOn" <> c."localDate";

ALTER TABLE "SafetyFlag" ADD COLUMN "checkInDate" DATE;
UPDATE "SafetyFlag" f SET "checkInDate" = c."localDate"
  FROM "CheckIn" c WHERE c.id = f."checkInId";
-- Both or neither: with one of the two null, the reference would not be checked at all.
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_checkIn_both_or_neither"
  CHECK (("checkInId" IS NULL) = ("checkInDate" IS NULL));

ALTER TABLE "CheckInSideEffect" ADD CONSTRAINT "CheckInSideEffect_checkInId_reportedOn_fkey" FOREIGN KEY ("checkInId", "reportedOn") REFERENCES "CheckIn"("id", "localDate") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CheckInMeasureValue" ADD CONSTRAINT "CheckInMeasureValue_checkInId_reportedOn_fkey" FOREIGN KEY ("checkInId", "reportedOn") REFERENCES "CheckIn"("id", "localDate") ON DELETE CASCADE ON UPDATE CASCADE;
-- Dropping a month's partition fires no ON DELETE action: retention unlinks the flags itself
-- (lib/data/check-in-retention.ts) before it detaches the month.
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_checkInId_checkInDate_fkey" FOREIGN KEY ("checkInId", "checkInDate") REFERENCES "CheckIn"("id", "localDate") ON DELETE SET NULL ON UPDATE CASCADE;
