import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../db/test-database';
import { attemptLogin } from './login';
import { createUser, setUserActive } from './users';

const PASSWORD = 'Fahrrad Kanal Brücke';

describe('login', () => {
	let userId: string;
	beforeEach(async () => {
		useFreshDatabase();
		process.env.LOGIN_LIMIT_ACCOUNT = '5';
		process.env.LOGIN_LIMIT_IP = '30';
		userId = (
			await createUser({ email: 'a@example.org', name: 'A', password: PASSWORD, role: 'learner' })
		).id;
	});

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

	it('throttles an account after 5 failures, even with the right password', async () => {
		for (let i = 0; i < 5; i++) await attemptLogin('a@example.org', 'falsch', `10.0.0.${i}`);
		expect(await attemptLogin('a@example.org', PASSWORD, '10.0.1.1')).toEqual({
			ok: false,
			reason: 'throttled'
		});
	});

	it('throttles unknown emails the same way, so throttling reveals nothing', async () => {
		for (let i = 0; i < 5; i++) await attemptLogin('niemand@example.org', 'falsch', `10.0.0.${i}`);
		expect((await attemptLogin('niemand@example.org', 'falsch', '10.0.1.1')).ok).toBe(false);
		expect(await attemptLogin('niemand@example.org', 'falsch', '10.0.1.1')).toEqual({
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

	it('clears the account failures after a successful login', async () => {
		for (let i = 0; i < 4; i++) await attemptLogin('a@example.org', 'falsch', '10.0.0.1');
		expect((await attemptLogin('a@example.org', PASSWORD, '10.0.0.1')).ok).toBe(true);
		for (let i = 0; i < 4; i++) await attemptLogin('a@example.org', 'falsch', '10.0.0.1');
		expect((await attemptLogin('a@example.org', PASSWORD, '10.0.0.1')).ok).toBe(true);
	});
});
