// The time, injectable: jobs, reminders and escalations take a Clock so tests move it.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
