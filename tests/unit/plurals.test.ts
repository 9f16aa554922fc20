import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';

const de = { locale: 'de' } as const;

describe('counted messages use the plural form the number needs', () => {
	it('says „1 Abgabe wartet" and „2 Abgaben warten"', () => {
		expect(m.progress_dashboard_waiting_count({ count: 1 }, de)).toBe(
			'1 Abgabe wartet auf Ihre Rückmeldung.'
		);
		expect(m.progress_dashboard_waiting_count({ count: 2 }, de)).toBe(
			'2 Abgaben warten auf Ihre Rückmeldung.'
		);
	});

	it.each([
		[m.admin_users_count, '1 Konto gefunden', '2 Konten gefunden'],
		[m.assignments_queue_count, '1 Abgabe', '2 Abgaben'],
		[m.certificates_manage_count, '1 Einschreibung gefunden', '2 Einschreibungen gefunden'],
		[m.content_modules_count, '1 Modul', '2 Module'],
		[m.privacy_audit_count, '1 Eintrag', '2 Einträge'],
		[m.progress_matrix_learner_count, '1 lernende Person', '2 Lernende']
	])('counts with the right noun: %#', (message, one, two) => {
		expect(message({ count: 1 }, de)).toBe(one);
		expect(message({ count: 2 }, de)).toBe(two);
	});

	it('counts the cohorts of a trainer who becomes a learner', () => {
		expect(m.admin_user_role_confirm_learner({ count: 1 }, de)).toContain('(1 Lehrgang) bleibt');
		expect(m.admin_user_role_confirm_learner({ count: 2 }, de)).toContain('(2 Lehrgänge) bleiben');
	});

	it('sums up a quiz of one question without "1 Fragen"', () => {
		expect(m.quiz_confirm_all_answered({ total: 1 }, de)).toBe('Sie haben die Frage beantwortet.');
		expect(m.quiz_confirm_all_answered({ total: 6 }, de)).toBe(
			'Sie haben alle 6 Fragen beantwortet.'
		);
		expect(m.quiz_confirm_answered({ answered: 4, total: 8 }, de)).toBe(
			'Sie haben 4 von 8 Fragen vollständig beantwortet.'
		);
	});

	it('counts days and minutes', () => {
		expect(m.progress_matrix_attendance_value({ present: 1, days: 1 }, de)).toBe('1 von 1 Tag');
		expect(m.progress_matrix_attendance_value({ present: 1, days: 2 }, de)).toBe('1 von 2 Tagen');
		expect(m.progress_learner_attendance_summary({ present: 0, days: 1 }, de)).toContain(
			'von 1 erfassten Tag.'
		);
		expect(m.content_minutes_long({ minutes: 1 }, de)).toBe('Geschätzte Zeit: etwa 1 Minute');
		expect(m.privacy_delete_text({ days: 1 }, de)).toContain('spätestens nach 1 Tag löscht');
		expect(m.privacy_page_retention_request({ days: 30 }, de)).toContain('nach 30 Tagen.');
	});

	it('no German message counts a noun without a plural choice', () => {
		// A simple message that puts a count right before a word ("{count} Abgaben") reads wrong
		// for 1; messages with a plural selector are objects, not strings.
		const files = import.meta.glob('../../messages/de/*.json', { eager: true, import: 'default' });
		const offenders = Object.values(files).flatMap((messages) =>
			Object.entries(messages as Record<string, unknown>)
				.filter(([, text]) => typeof text === 'string' && /\{count\} \p{Lu}/u.test(text))
				.map(([key]) => key)
		);
		expect(offenders).toEqual([]);
	});
});
