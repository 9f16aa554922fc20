import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupProblem } from '../config/startup';
import { initSigningKey } from './signing';
import { issueCertificate } from './issue';
import { enrol } from '../cohorts/enrolment';
import { COURSE_ID, makeUser, useTemporaryKeyDir } from '$test/unit/certificates';
import { useFreshDatabase } from '$test/unit/test-database';

// A restore that forgets KEY_DIR must not quietly sign with a new key: every certificate issued
// before would then fail the public check.

const KEY_FILE = 'certificate-signing-key.pem';

function startProblem(): unknown {
	try {
		initSigningKey();
	} catch (error) {
		return error;
	}
}

describe('the signing key at start', () => {
	afterEach(() => {
		delete process.env.NEW_SIGNING_KEY;
	});

	it('is created for a fresh database', () => {
		useFreshDatabase();
		const dir = useTemporaryKeyDir();
		initSigningKey();
		expect(existsSync(join(dir, KEY_FILE))).toBe(true);
	});

	it('refuses to start when signed certificates exist but the key file is missing', async () => {
		useFreshDatabase();
		const dir = useTemporaryKeyDir();
		initSigningKey();
		await issueOne();
		rmSync(dir, { recursive: true });
		useTemporaryKeyDir();
		const problem = startProblem();
		expect(problem).toBeInstanceOf(StartupProblem);
		const message = (problem as StartupProblem).message;
		expect(message).toContain('KEY_DIR');
		expect(message).toContain('aus der Sicherung wiederherstellen');
		expect(message).toContain('NEW_SIGNING_KEY=true');
		expect(message).not.toContain('\n');
	});

	it('creates a new key for signed certificates only when NEW_SIGNING_KEY=true says so', async () => {
		useFreshDatabase();
		useTemporaryKeyDir();
		initSigningKey();
		await issueOne();
		const dir = useTemporaryKeyDir();
		process.env.NEW_SIGNING_KEY = 'true';
		initSigningKey();
		expect(existsSync(join(dir, KEY_FILE))).toBe(true);
	});
});

async function issueOne() {
	const learner = await makeUser('Lernende Restore');
	enrol(learner.id, COURSE_ID);
	issueCertificate(learner.id, COURSE_ID);
}
