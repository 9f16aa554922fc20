import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { useFreshDatabase } from '$test/unit/test-database';
import { getMailPreferences, setMailPreferences, unsubscribe } from './preferences';
import { mailKindsFor, mailSettingsSchema } from './preferences-form';
import { mailSettingsOf } from './recipients';
import { notificationMailKinds } from '$lib/mail';

let userId: string;
beforeEach(async () => {
	useFreshDatabase();
	userId = (
		await createUser({ email: 'a@x.org', name: 'A', password: 'pw-pw-pw-pw-1', role: 'trainer' })
	).id;
});

describe('mail preferences', () => {
	it('start with defaults: immediately, new submissions, Austausch replies and alumni welcomes bundled daily', () => {
		expect(getMailPreferences(userId)).toEqual({
			feedback_received: 'immediate',
			assignment_due: 'immediate',
			submission_to_review: 'daily',
			certificate_issued: 'immediate',
			discussion_reply: 'daily',
			event_update: 'immediate',
			discussion_mention: 'immediate',
			alumni_joined: 'daily',
			mentoring_update: 'immediate'
		});
	});

	it('one-click unsubscribe switches the topic to "nie" and nothing else', () => {
		const { unsubscribeToken } = mailSettingsOf(userId);
		expect(unsubscribe(unsubscribeToken, 'rueckmeldungen')).toBe(true);
		expect(getMailPreferences(userId)).toMatchObject({
			feedback_received: 'never',
			assignment_due: 'immediate'
		});
		expect(unsubscribe(unsubscribeToken, 'alle')).toBe(true);
		const all = Object.values(getMailPreferences(userId));
		expect(all).toHaveLength(notificationMailKinds.length);
		expect(new Set(all)).toEqual(new Set(['never']));
		expect(unsubscribe('abcdefghijklmnopqrstuvwxyz234567', 'alle')).toBe(false);
	});

	it('learners are not offered new-submission mails; bad values are refused', () => {
		expect(mailKindsFor('learner')).not.toContain('submission_to_review');
		expect(mailKindsFor('trainer')).toContain('submission_to_review');
		expect(
			mailSettingsSchema('learner').safeParse({ locale: 'de', feedback_received: 'weekly' }).success
		).toBe(false);
		expect(mailSettingsSchema('learner').safeParse({ locale: 'fr' }).success).toBe(false);
		const parsed = mailSettingsSchema('learner').parse({
			locale: 'en',
			assignment_due: 'never',
			submission_to_review: 'never'
		});
		expect(parsed).toEqual({ locale: 'en', assignment_due: 'never' });
		setMailPreferences(userId, parsed);
		expect(getMailPreferences(userId).assignment_due).toBe('never');
	});
});
