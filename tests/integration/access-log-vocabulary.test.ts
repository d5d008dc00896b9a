import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AUDIT_RESOURCE_TYPES, PATIENT_WORDS } from '@/lib/audit-vocabulary';
import { listAccessLog } from '@/lib/data/access-log';
import { getBrief } from '@/lib/data/brief';
import { listMessages, postMessage } from '@/lib/data/messages';
import { createCareTeam, viewerFor } from '@/tests/factories';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

// Every way lib/data names the resource of an audit event in source.
const WRITTEN_NOUNS = [
  /resourceType: '(\w+)'/g,
  /record(?:List)?Access\(\s*tx,\s*\w+,\s*'[\w-]+',\s*'(\w+)'/g,
  /'(\w+)' satisfies AuditResource/g,
];

describe('the audit nouns lib/data writes', () => {
  it('each has the words a patient reads, so none falls back to "your record"', () => {
    const written = new Set<string>();
    for (const file of sourcesUnder('lib/data')) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of WRITTEN_NOUNS) {
        for (const match of text.matchAll(pattern)) written.add(match[1]!);
      }
    }
    expect(written.size).toBeGreaterThan(20);
    expect(written).toContain('careTeamMessage');
    for (const noun of written) {
      expect(AUDIT_RESOURCE_TYPES, noun).toContain(noun);
      expect(Object.hasOwn(PATIENT_WORDS, noun), noun).toBe(true);
    }
  });
});

describe('a clinician reading the care-team thread', () => {
  it('shows in the patient’s access log as viewing the care team’s messages, not the record', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const prescriber = viewerFor(team.prescriber);
    await postMessage(viewerFor(team.therapist), team.patient.id, { body: 'Sleeping better.' });
    await listMessages(prescriber, team.patient.id);
    await getBrief(prescriber, team.patient.id);

    const log = await listAccessLog(viewerFor(team.patient), team.patient.id);
    const summaries = log.items.map((entry) => entry.summary);
    expect(summaries).toContain(
      `${team.prescriber.name}, your prescriber, viewed your care team’s messages about you.`,
    );
    expect(summaries).toContain(
      `${team.therapist.name}, your therapist, wrote to your care team about you.`,
    );
    expect(summaries.filter((s) => s.endsWith('viewed your record.'))).toEqual([]);
  });
});
