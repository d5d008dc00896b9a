// Treatment plans, check-ins (with side effects and a personal measure), signed session notes,
// questionnaires and the large-caseload prescriber's appointments. Row n of a table belongs to
// patient n % N and is that patient's (n / N)-th, counting back from the anchor.
import type { Layout } from './layout';
import {
  ORG_ID,
  at,
  day,
  id,
  patientId,
  prescriberOf,
  prescriberUser,
  therapistOf,
  therapistUser,
} from './sql-common';

const every = (count: number, body: string) =>
  count > 0 ? `FROM (SELECT n, n % P AS p, n / P AS k FROM generate_series(0::bigint, ${count - 1}) n) s ${body}` : '';

export function plansSql(l: Layout): string[] {
  const patients = `FROM generate_series(0, ${l.patients - 1}) i`;
  const made = at(l, '-300');
  const goal = (g: number, description: string, kind: string, extra: string) =>
    `SELECT ${ORG_ID}, ${id('planv', 'i')}, ${id(`goalkey${g}`, 'i')}, ${g}, '${description}',
            '${kind}'::"MeasureKind", ${extra} ${patients}`;
  return [
    `INSERT INTO "TreatmentPlan" (id, "organizationId", "patientId", "currentVersion", "createdAt", "updatedAt")
     SELECT ${id('plan', 'i')}, ${ORG_ID}, ${patientId('i')}, 1, ${made}, ${made} ${patients}`,
    `INSERT INTO "TreatmentPlanVersion" (id, "organizationId", "planId", "patientId", version,
       "presentingConcerns", "patientGoalsOwnWords", "reviewBy", "authorId", "createdAt")
     SELECT ${id('planv', 'i')}, ${ORG_ID}, ${id('plan', 'i')}, ${patientId('i')}, 1,
            'Low mood and poor sleep for several months', 'Feel like myself again',
            ${day(l, '30 + i % 60')}, ${prescriberUser(l, prescriberOf(l, 'i'))}, ${made} ${patients}`,
    `INSERT INTO "PlanGoal" ("organizationId", "planVersionId", "goalKey", position, description,
       "measureKind", "measureName", "measureUnit", direction, "targetValue")
     ${goal(1, 'Lower depressive symptoms', 'PHQ9', `NULL, NULL, 'AT_MOST'::"MeasureDirection", 9`)}
     UNION ALL
     ${goal(2, 'Walk more days each week', 'PERSONAL', `'Walks', 'walks a week', 'AT_LEAST'::"MeasureDirection", 3`)}`,
    `INSERT INTO "PlanIntervention" ("organizationId", "planVersionId", position, kind, description, "ownerId", frequency)
     SELECT ${ORG_ID}, ${id('planv', 'i')}, 1, 'MEDICATION_MANAGEMENT'::"InterventionKind", 'Medication review',
            ${prescriberUser(l, prescriberOf(l, 'i'))}, 'Monthly' ${patients}
     UNION ALL
     SELECT ${ORG_ID}, ${id('planv', 'i')}, 2, 'CBT'::"InterventionKind", 'Weekly CBT sessions',
            ${therapistUser(l, therapistOf(l, 'i'))}, 'Weekly' ${patients}`,
    `INSERT INTO "PlanAcknowledgement" ("organizationId", "patientId", "planVersionId", "acknowledgedAt")
     SELECT ${ORG_ID}, ${patientId('i')}, ${id('planv', 'i')}, ${made} + interval '1 day' ${patients}`,
  ].map((sql) => sql.replaceAll('P AS', `${l.patients} AS`));
}

export function checkInsSql(l: Layout): string[] {
  if (l.checkIns === 0) return [];
  const date = day(l, '-(k + 1)');
  return [
    `INSERT INTO "CheckIn" (id, "organizationId", "patientId", "localDate", mood, "sleepHours",
       "sleepQuality", appetite, energy, focus, note, "createdAt", "updatedAt")
     SELECT ${id('ci', 'n')}, ${ORG_ID}, ${patientId('p')}, ${date}, 3 + (p * 7 + k * 3) % 7,
            5.5 + ((p + k) % 6) * 0.5, 1 + (p + k) % 5, 1 + (p + 2 * k) % 5, 1 + (2 * p + k) % 5,
            1 + (p + 3 * k) % 5, CASE WHEN n % 7 = 0 THEN 'Felt steady today.' END,
            ${date} + interval '20 hours', ${date} + interval '20 hours'
     ${every(l.checkIns, '')}`,
    // One check-in in ten reports a side effect (mild, now and then moderate: no safety flags).
    `INSERT INTO "CheckInSideEffect" ("organizationId", "patientId", "checkInId", name, severity, "reportedOn")
     SELECT ${ORG_ID}, ${patientId('p')}, ${id('ci', 'n')},
            (ARRAY['nausea', 'headache', 'insomnia', 'dry mouth', 'drowsiness'])[1 + (n / 10) % 5],
            CASE WHEN n % 40 = 3 THEN 'MODERATE' ELSE 'MILD' END::"Severity", ${date}
     ${every(l.checkIns, 'WHERE n % 10 = 3')}`,
    // One in five records the plan's personal measure (the goal keyed goalkey2).
    `INSERT INTO "CheckInMeasureValue" ("organizationId", "patientId", "checkInId", "goalKey", value, "reportedOn")
     SELECT ${ORG_ID}, ${patientId('p')}, ${id('ci', 'n')}, ${id('goalkey2', 'p')}, (k % 6)::float8, ${date}
     ${every(l.checkIns, 'WHERE n % 5 = 0')}`,
  ].map((sql) => sql.replaceAll('P AS', `${l.patients} AS`));
}

/** Weekly notes, alternating the therapist's (DAP) and the prescriber's (SOAP), all signed. */
export function sessionNotesSql(l: Layout): string[] {
  if (l.sessionNotes === 0) return [];
  const date = day(l, '-(k + 1) * 7');
  const dap = `jsonb_build_object('data', 'Reviewed the week and sleep diary.',
    'assessment', 'Mood improving; engaged.', 'plan', 'Continue weekly sessions.')`;
  const soap = `jsonb_build_object('subjective', 'Sleeping better, some nausea.',
    'objective', 'Calm, good eye contact.', 'assessment', 'Partial response.',
    'plan', 'Continue current regimen.')`;
  return [
    `INSERT INTO "SessionNote" ("organizationId", "patientId", "authorId", kind, format,
       "sessionDate", body, status, "signedAt", "createdAt", "updatedAt")
     SELECT ${ORG_ID}, ${patientId('p')},
            CASE WHEN k % 2 = 0 THEN ${therapistUser(l, therapistOf(l, 'p'))}
                 ELSE ${prescriberUser(l, prescriberOf(l, 'p'))} END,
            CASE WHEN k % 2 = 0 THEN 'THERAPY' ELSE 'MEDICATION_MANAGEMENT' END::"SessionNoteKind",
            CASE WHEN k % 2 = 0 THEN 'DAP' ELSE 'SOAP' END::"SessionNoteFormat",
            ${date}, CASE WHEN k % 2 = 0 THEN ${dap} ELSE ${soap} END, 'SIGNED',
            ${date} + interval '18 hours', ${date} + interval '17 hours', ${date} + interval '18 hours'
     ${every(l.sessionNotes, '')}`,
  ].map((sql) => sql.replaceAll('P AS', `${l.patients} AS`));
}

/** PHQ-9 and GAD-7 in turn, every two weeks; item 9 always 0 (no safety flags to raise). */
export function assessmentsSql(l: Layout): string[] {
  if (l.assessments === 0) return [];
  const phq = 'k % 2 = 0';
  return [
    `INSERT INTO "Assessment" ("organizationId", "patientId", instrument, answers, score, severity, "completedAt")
     SELECT ${ORG_ID}, ${patientId('p')}, CASE WHEN ${phq} THEN 'PHQ9' ELSE 'GAD7' END::"Instrument",
            answers, score,
            CASE WHEN ${phq} THEN CASE WHEN score >= 20 THEN 'severe' WHEN score >= 15 THEN 'moderately severe'
                                       WHEN score >= 10 THEN 'moderate' WHEN score >= 5 THEN 'mild' ELSE 'minimal' END
                 ELSE CASE WHEN score >= 15 THEN 'severe' WHEN score >= 10 THEN 'moderate'
                           WHEN score >= 5 THEN 'mild' ELSE 'minimal' END END,
            ${at(l, '-(k / 2 + 1) * 14')} + interval '19 hours'
       FROM (SELECT p, k, answers, (SELECT sum(x)::int FROM unnest(answers) x) AS score
               FROM (SELECT p, k, ARRAY(SELECT CASE WHEN item = 9 THEN 0 ELSE (p + k + item) % 3 END
                                          FROM generate_series(1, CASE WHEN k % 2 = 0 THEN 9 ELSE 7 END) item) AS answers
                     ${every(l.assessments, '')}) a) s`,
  ].map((sql) => sql.replaceAll('P AS', `${l.patients} AS`));
}

/** Eight half-hour visits a day for the large-caseload prescriber, from a month back on. */
export function appointmentsSql(l: Layout): string[] {
  if (l.appointments === 0) return [];
  const prescriber = prescriberUser(l, '0');
  const starts = `(${at(l, '-30 + a / 8')} + interval '14 hours' + (a % 8) * interval '30 minutes')`;
  const past = `${starts} < ${at(l, '0')}`;
  return [
    `INSERT INTO "Appointment" ("organizationId", "patientId", "clinicianId", "startsAt", "endsAt",
       kind, modality, "videoUrl", status, "checkedInAt", "completedAt", "bookedById", "createdAt", "updatedAt")
     SELECT ${ORG_ID}, ${patientId(`a % ${l.caseload}`)}, ${prescriber}, ${starts},
            ${starts} + interval '25 minutes', 'MEDICATION_MANAGEMENT', 'VIDEO',
            'https://video.example.test/room/' || a,
            CASE WHEN ${past} THEN 'COMPLETED' ELSE 'SCHEDULED' END::"AppointmentStatus",
            CASE WHEN ${past} THEN ${starts} END, CASE WHEN ${past} THEN ${starts} + interval '25 minutes' END,
            ${prescriber}, ${at(l, '-60')}, ${at(l, '-60')}
       FROM generate_series(0, ${l.appointments - 1}) a`,
  ];
}
