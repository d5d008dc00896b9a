// The builders of realistic rows that the demo seed (prisma/seed.ts) and the test factories
// (tests/factories.ts) share. Writes that have a transaction-level domain function go through
// it (the medication history: recordMedicationChangeTx; visits: bookAppointmentsTx); the
// others write the rows directly.
export * from './accounts';
export * from './appointments';
export * from './assessments';
export * from './check-ins';
export * from './conversation';
export * from './dates';
export * from './medications';
export * from './notes';
export * from './notifications';
export * from './plans';
export * from './safety';
