import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import { createInvite, redeemInvite } from './invites';
import { hashPassword } from './password';
import { account, createInvitingTrainer, DAY } from '$test/unit/invite-helpers';

// Counts password hashes, to show that a registration that cannot succeed costs none.
vi.mock('./password', async (original) => {
	const actual = await original<typeof import('./password')>();
	return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

describe('redeeming an invite that cannot succeed', () => {
	let trainerId: string;

	beforeEach(async () => {
		useFreshDatabase();
		trainerId = (await createInvitingTrainer()).id;
	});

	it('checks the token and the address before hashing the password', async () => {
		const hashes = vi.mocked(hashPassword);
		hashes.mockClear();
		expect(await redeemInvite('b'.repeat(32), account('x@example.org'))).toEqual({
			ok: false,
			reason: 'unknown'
		});
		const { token } = createInvite({
			role: 'learner',
			maxUses: 1,
			expiresAt: new Date(Date.now() + DAY),
			createdBy: trainerId,
			email: 'gebunden@example.org'
		});
		expect((await redeemInvite(token, account('andere@example.org'))).ok).toBe(false);
		expect((await redeemInvite(token, account('trainerin@example.org'))).ok).toBe(false);
		expect(hashes).not.toHaveBeenCalled();
		expect((await redeemInvite(token, account('gebunden@example.org'))).ok).toBe(true);
		expect(hashes).toHaveBeenCalledTimes(1);
	});
});
