import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { auditLog, notifications } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { attemptLogin, checkCurrentPassword } from './login';
import { createUser, setUserActive } from './users';

const PASSWORD = 'Fahrrad Kanal Brücke';

describe('login', () => {
	let db: ReturnType<typeof useFreshDatabase>;
	let userId: string;
	beforeEach(async () => {
		db = useFreshDatabase();
		process.env.LOGIN_LIMIT_ACCOUNT = '5';
		process.env.LOGIN_LIMIT_ACCOUNT_TOTAL = '20';
		process.env.LOGIN_LIMIT_IP = '30';
		userId = (
			await createUser({ email: 'a@example.org', name: 'A', password: PASSWORD, role: 'learner' })
		).id;
	});

	const lockNotices = () =>
		db
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, userId), eq(notifications.kind, 'login_locked')))
			.all();

	it('accepts the right password, ignoring email case and spaces', async () => {
		expect(await attemptLogin(' A@Example.org ', PASSWORD, '10.0.0.1')).toEqual({
			ok: true,
			userId
		});
	});

	it('gives the same answer for an unknown email and a wrong password', async () => {
		const unknown = await attemptLogin('niemand@example.org', PASSWORD, '10.0.0.1');
		const wrong = await attemptLogin('a@example.org', 'falsches Passwort', '10.0.0.1');
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual(unknown);
	});

	it('locks an account for the address that failed 5 times, even with the right password', async () => {
		for (let i = 0; i < 5; i++) await attemptLogin('a@example.org', 'falsch', '10.0.0.1');
		expect(await attemptLogin('a@example.org', PASSWORD, '10.0.0.1')).toEqual({
			ok: false,
			reason: 'throttled'
		});
	});

	it('does not lock the owner out from another address (lockout per account and address)', async () => {
		for (let i = 0; i < 12; i++) await attemptLogin('a@example.org', 'falsch', '10.6.6.6');
		expect((await attemptLogin('a@example.org', PASSWORD, '10.0.0.1')).ok).toBe(true);
	});

	it('keeps a much higher ceiling per account over all addresses', async () => {
		for (let i = 0; i < 20; i++) await attemptLogin('a@example.org', 'falsch', `10.0.${i}.1`);
		expect(await attemptLogin('a@example.org', PASSWORD, '10.9.9.1')).toEqual({
			ok: false,
			reason: 'throttled'
		});
	});

	it('checks at most 5 passwords when 40 wrong logins arrive at once', async () => {
		const results = await Promise.all(
			Array.from({ length: 40 }, () => attemptLogin('a@example.org', 'falsch', '10.0.0.1'))
		);
		expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(5);
		expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(
			35
		);
	});

	it('throttles unknown emails the same way, so throttling reveals nothing', async () => {
		for (let i = 0; i < 5; i++) await attemptLogin('niemand@example.org', 'falsch', '10.0.0.1');
		expect(await attemptLogin('niemand@example.org', 'falsch', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'throttled'
		});
	});

	it('throttles an IP address that tries many accounts', async () => {
		process.env.LOGIN_LIMIT_IP = '4';
		for (let i = 0; i < 4; i++) await attemptLogin(`x${i}@example.org`, 'falsch', '10.9.9.9');
		expect(await attemptLogin('a@example.org', PASSWORD, '10.9.9.9')).toEqual({
			ok: false,
			reason: 'throttled'
		});
		expect((await attemptLogin('a@example.org', PASSWORD, '10.9.9.8')).ok).toBe(true);
	});

	it('tells the owner in the app that their account was locked, once, counting on', async () => {
		for (let i = 0; i < 5; i++) await attemptLogin('a@example.org', 'falsch', '10.0.0.1');
		expect(lockNotices()).toHaveLength(0);
		await attemptLogin('a@example.org', 'falsch', '10.0.0.1');
		await attemptLogin('a@example.org', PASSWORD, '10.0.0.1');
		const [notice, ...more] = lockNotices();
		expect(more).toHaveLength(0);
		expect(notice).toMatchObject({ link: '/konto', readAt: null, data: { attempts: 2 } });
		// An IP-only limit is not about the account: no notice.
		process.env.LOGIN_LIMIT_IP = '1';
		await attemptLogin('b@example.org', 'falsch', '10.1.1.1');
		await attemptLogin('a@example.org', PASSWORD, '10.1.1.1');
		expect(lockNotices()[0]!.data).toMatchObject({ attempts: 2 });
	});

	it('names a deactivated account only to someone with its password', async () => {
		setUserActive(userId, false);
		expect(await attemptLogin('a@example.org', 'falsch', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await attemptLogin('a@example.org', PASSWORD, '10.0.0.1')).toEqual({
			ok: false,
			reason: 'deactivated'
		});
	});

	it('clears the failures of the account and address after a successful login', async () => {
		for (let i = 0; i < 4; i++) await attemptLogin('a@example.org', 'falsch', '10.0.0.1');
		expect((await attemptLogin('a@example.org', PASSWORD, '10.0.0.1')).ok).toBe(true);
		for (let i = 0; i < 4; i++) await attemptLogin('a@example.org', 'falsch', '10.0.0.1');
		expect((await attemptLogin('a@example.org', PASSWORD, '10.0.0.1')).ok).toBe(true);
	});

	it('checks the current password (account page) under the login limits', async () => {
		for (let i = 0; i < 5; i++) {
			expect(await checkCurrentPassword('a@example.org', 'falsch', '10.0.0.1')).toBe('wrong');
		}
		expect(await checkCurrentPassword('a@example.org', PASSWORD, '10.0.0.1')).toBe('throttled');
		expect(await checkCurrentPassword('a@example.org', PASSWORD, '10.0.0.2')).toBe('ok');
	});
});

describe('refused logins in the audit log', () => {
	beforeEach(() => {
		useFreshDatabase();
		process.env.LOGIN_LIMIT_ACCOUNT = '5';
		process.env.LOGIN_LIMIT_ACCOUNT_TOTAL = '20';
		process.env.LOGIN_LIMIT_IP = '30';
	});

	it('records a throttled attempt on a staff account once per account and address, not each one', async () => {
		const admin = await createUser({
			email: 'admin@example.org',
			name: 'Ada',
			password: PASSWORD,
			role: 'admin'
		});
		for (let attempt = 0; attempt < 7; attempt++) {
			await attemptLogin('admin@example.org', 'falsches Passwort', '10.0.0.1');
		}
		for (let attempt = 0; attempt < 8; attempt++) {
			await attemptLogin('admin@example.org', 'falsches Passwort', '10.0.0.2');
		}
		const entries = getDb().select().from(auditLog).all();
		const of = (action: string, ip: string) =>
			entries.filter((row) => row.action === action && row.ip === ip);
		expect(of('login.failed', '10.0.0.1')).toHaveLength(5);
		expect(of('login.throttled', '10.0.0.1')).toEqual([
			expect.objectContaining({
				actorId: admin.id,
				subjectUserId: admin.id,
				details: { limit: 'account' }
			})
		]);
		expect(of('login.throttled', '10.0.0.2')).toHaveLength(1);
	});
});
