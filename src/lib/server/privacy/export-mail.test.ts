import { beforeEach, describe, expect, it } from 'vitest';
import { bufferOf, readZip } from '$test/read-zip';
import { useFreshDatabase } from '$test/unit/test-database';
import { emailConfirmPath } from '../auth/email-change';
import { registrationPath } from '../auth/invites';
import {
	processPasswordResetRequests,
	requestPasswordReset,
	resetPath
} from '../auth/password-reset';
import { createUser } from '../auth/users';
import { queueMail, unsubscribePath } from '../mail';
import { redactTokenLinks } from './export-mail';
import { exportPersonalData } from './export-zip';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567';
const ANY_TOKEN = /[a-z2-7]{32}/;

let userId: string;
beforeEach(async () => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
	userId = (
		await createUser({
			email: 'aylin@example.org',
			name: 'Aylin',
			password: 'Fahrrad Kanal Brücke',
			role: 'learner'
		})
	).id;
});

async function exportedMailTexts(): Promise<{ json: string; overview: string }> {
	const exported = (await exportPersonalData(userId, userId))!;
	const entries = await readZip(await bufferOf(exported.stream));
	return {
		json: entries.get('e-mail.json')!.toString(),
		overview: entries.get('uebersicht.html')!.toString()
	};
}

describe('mails in a data export', () => {
	it('carry no working link to set a password, confirm an address, register or unsubscribe', async () => {
		requestPasswordReset('aylin@example.org', '10.0.0.1', 'de');
		processPasswordResetRequests();
		queueMail({
			userId,
			to: 'neu@example.org',
			locale: 'de',
			content: {
				kind: 'email_change_confirm',
				name: 'Aylin',
				newEmail: 'neu@example.org',
				path: `/email-bestaetigen/${TOKEN}`,
				validHours: 24
			}
		});
		queueMail({
			userId,
			to: 'aylin@example.org',
			locale: 'de',
			content: {
				kind: 'invite',
				inviterName: 'Katrin',
				cohortName: null,
				role: 'learner',
				path: `/registrieren/${TOKEN}`,
				expiresAt: new Date(),
				hasAccount: true
			}
		});
		queueMail({
			userId,
			to: 'aylin@example.org',
			locale: 'de',
			content: { kind: 'alumni_joined', name: 'Aylin', courseTitle: 'IKBO', path: '/alumni' },
			unsubscribePath: unsubscribePath(TOKEN, 'alumni')
		});

		const { json, overview } = await exportedMailTexts();
		for (const text of [json, overview]) {
			expect(text).not.toMatch(ANY_TOKEN);
			expect(text).toContain('/passwort-zuruecksetzen/[entfernt]');
			expect(text).toContain('/email-bestaetigen/[entfernt]');
			expect(text).toContain('/registrieren/[entfernt]');
			expect(text).toContain('/abbestellen/[entfernt]/alumni');
		}
		const mails = JSON.parse(json).mails as { kind: string; text: string }[];
		expect(mails).toHaveLength(4);
		// The rest of the mail stays as it was sent.
		const reset = mails.find((mail) => mail.kind === 'password_reset')!;
		expect(reset.text).toContain('Guten Tag Aylin');
		expect(reset.text).toContain('Der Link gilt 60 Minuten');
	});

	it('knows every page whose link carries a token', () => {
		for (const path of [
			resetPath(TOKEN),
			emailConfirmPath(TOKEN),
			registrationPath(TOKEN),
			unsubscribePath(TOKEN, 'alle')
		]) {
			expect(redactTokenLinks(`https://lernen.example.org${path}`)).not.toContain(TOKEN);
		}
		expect(redactTokenLinks('https://lernen.example.org/kurse/ikbo')).toBe(
			'https://lernen.example.org/kurse/ikbo'
		);
	});
});
