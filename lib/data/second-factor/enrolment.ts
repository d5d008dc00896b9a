import 'server-only';
import type { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import type { Idempotency } from '@/lib/idempotency';
import { checkTotp, newTotpSecret, seal, totpUri, unseal } from '@/lib/auth/second-factor';
import type { Viewer } from '@/lib/auth/viewer';
import { recordAccess } from '@/lib/data/audit';
import { idempotent } from '@/lib/data/idempotency';
import {
  forgiveCodeAttempts,
  issueRecoveryCodes,
  RESOURCE,
  reserveCodeAttempt,
  tooManyCodes,
} from '@/lib/data/second-factor/codes';
import {
  auditRefusal,
  enabledAtOf,
  requireCode,
  requireEligible,
} from '@/lib/data/second-factor/own-factor';
import { ConflictError, InvalidInputError, parseInput } from '@/lib/errors';
import {
  ConfirmEnrolmentInput,
  SecondFactorCodeInput,
  type RecoveryCodes,
} from '@/lib/schemas/security';

/**
 * Clinicians and admins: starts (or starts over) enrolment: a new secret, stored sealed and
 * pending until `confirmEnrolment`. Each call replaces the pending secret, so a retry is harmless
 * and needs no Idempotency-Key: the last secret shown is the one to confirm. ConflictError when a
 * second factor is already on. Audited.
 */
export async function startEnrolment(
  viewer: Viewer,
): Promise<{ secret: string; otpauthUri: string }> {
  await requireEligible(viewer, 'create');
  try {
    return await db.$transaction(async (tx) => {
      if (await enabledAtOf(tx, viewer)) {
        throw new ConflictError(
          'A second factor is already on. Turn it off first to set up a new one.',
        );
      }
      const secret = newTotpSecret();
      const secretSealed = seal(secret);
      await tx.secondFactor.upsert({
        where: { userId: viewer.userId },
        create: { userId: viewer.userId, secretSealed },
        update: { secretSealed, enabledAt: null, lastUsedStep: null, createdAt: new Date() },
      });
      await recordAccess(tx, viewer, 'create', RESOURCE, {
        resourceId: viewer.userId,
        detail: 'enrolment started',
      });
      return { secret, otpauthUri: totpUri(secret, viewer.email) };
    });
  } catch (error) {
    if (error instanceof ConflictError) await auditRefusal(viewer, 'create', 'already-enabled');
    throw error;
  }
}

/**
 * Whether this request repeats an Idempotency-Key already answered: its stored answer is replayed
 * (or refused with 409) without checking the code again, which its first use spent.
 * SECURITY: codes are checked outside any transaction: the code limiter uses the app's pool, which
 * on the embedded database has a single connection that a transaction would be holding.
 */
async function isRetry(viewer: Viewer, idempotency: Idempotency | undefined): Promise<boolean> {
  if (!idempotency) return false;
  const stored = await db.idempotencyKey.findFirst({
    where: { userId: viewer.userId, organizationId: viewer.organizationId, key: idempotency.key },
    select: { id: true },
  });
  return stored !== null;
}

/**
 * Issues recovery codes once per Idempotency-Key, in a transaction of its own. The answer carries
 * secrets, so its stored copy is sealed like the TOTP secrets: the idempotency table never holds
 * one in clear. A ConflictError (the factor changed meanwhile) is audited.
 */
async function issueCodesOnce(
  viewer: Viewer,
  idempotency: Idempotency | undefined,
  input: unknown,
  work: (tx: Tx) => Promise<RecoveryCodes>,
): Promise<RecoveryCodes> {
  try {
    const stored = await db.$transaction((tx) =>
      idempotent(tx, viewer, idempotency, input, async () => ({
        sealed: seal(JSON.stringify(await work(tx))),
      })),
    );
    return JSON.parse(unseal(stored.sealed)) as RecoveryCodes;
  } catch (error) {
    if (error instanceof ConflictError) await auditRefusal(viewer, 'update', 'conflict');
    throw error;
  }
}

type Confirmed = { secretSealed: string; timeStep: number };

/** The first code from the app, checked against the pending secret (rate-limited, audited). */
async function checkFirstCode(viewer: Viewer, code: string, now: Date): Promise<Confirmed> {
  const pending = await db.secondFactor.findUnique({
    where: { userId: viewer.userId },
    select: { secretSealed: true, enabledAt: true },
  });
  if (!pending || pending.enabledAt) {
    await auditRefusal(viewer, 'update', pending ? 'already-enabled' : 'not-started');
    throw new ConflictError(
      pending
        ? 'A second factor is already on.'
        : 'Start setting up a second factor first: there is no code to confirm yet.',
    );
  }
  const minutes = await reserveCodeAttempt(viewer.userId);
  if (minutes !== null) {
    await auditRefusal(viewer, 'update', 'rate-limited', true);
    throw tooManyCodes(minutes);
  }
  const totp = await checkTotp(unseal(pending.secretSealed), code, now);
  if (!totp.valid) {
    await auditRefusal(viewer, 'update', 'wrong-code');
    throw InvalidInputError.field(
      'code',
      'That code is not right. Enter the code the app shows now.',
    );
  }
  await forgiveCodeAttempts(viewer.userId);
  return { secretSealed: pending.secretSealed, timeStep: totp.timeStep };
}

/**
 * Clinicians and admins: confirm enrolment with a first code from the app: the second factor is
 * on, and 10 recovery codes are returned (once; only their hashes stay). Wrong codes count against
 * the code limit.
 */
export async function confirmEnrolment(
  viewer: Viewer,
  input: z.input<typeof ConfirmEnrolmentInput>,
  idempotency?: Idempotency,
): Promise<RecoveryCodes> {
  const { code } = parseInput(ConfirmEnrolmentInput, input);
  await requireEligible(viewer, 'update');
  const now = new Date();
  const confirmed = (await isRetry(viewer, idempotency))
    ? null
    : await checkFirstCode(viewer, code, now);
  return issueCodesOnce(viewer, idempotency, { code }, async (tx) => {
    // Only a first use of the key reaches here, and it checked the code above.
    if (!confirmed) throw new ConflictError('Enrolment changed meanwhile: start again.');
    const enabled = await tx.secondFactor.updateMany({
      where: { userId: viewer.userId, enabledAt: null, secretSealed: confirmed.secretSealed },
      data: { enabledAt: now, lastUsedStep: BigInt(confirmed.timeStep) },
    });
    if (enabled.count !== 1) throw new ConflictError('Enrolment changed meanwhile: start again.');
    const recoveryCodes = await issueRecoveryCodes(tx, viewer.userId);
    await recordAccess(tx, viewer, 'update', RESOURCE, {
      resourceId: viewer.userId,
      detail: 'second factor on, 10 recovery codes issued',
    });
    return { enabledAt: now.toISOString(), recoveryCodes };
  });
}

/** Clinicians and admins: new recovery codes in place of the old ones, after a code proves the holder is present. */
export async function regenerateRecoveryCodes(
  viewer: Viewer,
  input: z.input<typeof SecondFactorCodeInput>,
  idempotency?: Idempotency,
): Promise<RecoveryCodes> {
  const { code } = parseInput(SecondFactorCodeInput, input);
  await requireEligible(viewer, 'update');
  if (!(await isRetry(viewer, idempotency))) {
    if (!(await enabledAtOf(db, viewer))) {
      await auditRefusal(viewer, 'update', 'not-enabled');
      throw new ConflictError('There is no second factor to renew recovery codes for.');
    }
    await requireCode(viewer, 'update', code);
  }
  return issueCodesOnce(viewer, idempotency, { code }, async (tx) => {
    const enabledAt = await enabledAtOf(tx, viewer);
    if (!enabledAt) throw new ConflictError('The second factor was turned off meanwhile.');
    const recoveryCodes = await issueRecoveryCodes(tx, viewer.userId);
    await recordAccess(tx, viewer, 'update', RESOURCE, {
      resourceId: viewer.userId,
      detail: '10 new recovery codes issued, the old ones revoked',
    });
    return { enabledAt: enabledAt.toISOString(), recoveryCodes };
  });
}
