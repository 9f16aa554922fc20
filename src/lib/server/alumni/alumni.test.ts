import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE_ID, makeCohort, makeUser, useCertificateDb } from '$test/unit/certificates';
import type { SessionUser } from '../auth/session';
import { issueCertificate } from '../certificates/issue';
import { revokeCertificate } from '../certificates/manage';
import { defaultIssuer, saveIssuerSettings } from '../certificates/settings';
import { notifications } from '../db/schema';
import { eraseAccount } from '../privacy';
import { collectPersonalData } from '../privacy/export-data';
import {
	alumniRoleOf,
	alumniUserIds,
	directoryChoices,
	directoryEntry,
	EMPTY_PROFILE,
	getProfile,
	hasAlumniPage,
	isAlumnus,
	leaveNetwork,
	listDirectory,
	networksOf,
	profileSchema,
	rejoinNetwork,
	saveProfile
} from '.';

const db = useCertificateDb();

const session = (user: { id: string; name: string; email: string; role: SessionUser['role'] }) =>
	({ id: user.id, name: user.name, email: user.email, role: user.role }) as SessionUser;

let admin: SessionUser;
let trainer: SessionUser;
let otherTrainer: SessionUser;

beforeAll(async () => {
	admin = session(await makeUser('Jonas Admin', 'admin'));
	trainer = session(await makeUser('Tina Trainerin', 'trainer'));
	otherTrainer = session(await makeUser('Otto Andere', 'trainer'));
	saveIssuerSettings({ ...defaultIssuer, name: 'Träger e. V.' });
	makeCohort(admin.id, trainer.id);
	makeCohort(admin.id, otherTrainer.id, 'Anderer Kurs', 'probe-ikbo');
});

async function graduate(name: string) {
	const learner = session(await makeUser(name));
	const { certificate } = issueCertificate(learner.id, COURSE_ID, { issuedBy: admin.id });
	return { learner, certificate };
}

/** The form as the profile page sends it (checkboxes send "ja"). */
const profileForm = (fields: Record<string, string>) =>
	profileSchema().parse({ contact: 'none', ...fields });

describe('membership of a course’s alumni network', () => {
	it('comes with a valid certificate, with a notice that says how to leave', async () => {
		const { learner } = await graduate('Ada Alumna');
		expect(isAlumnus(learner.id, COURSE_ID)).toBe(true);
		expect(alumniUserIds([COURSE_ID])).toContain(learner.id);
		const notices = db
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, learner.id), eq(notifications.kind, 'alumni_joined')))
			.all();
		expect(notices).toHaveLength(1);
		expect(notices[0]!.link).toBe(`/alumni#netzwerk-${COURSE_ID}`);
	});

	it('is not there without a certificate, nor in another course’s network', async () => {
		const { learner } = await graduate('Bea Beispiel');
		const stranger = await makeUser('Carl Ohne');
		expect(isAlumnus(stranger.id, COURSE_ID)).toBe(false);
		expect(isAlumnus(learner.id, 'probe-ikbo')).toBe(false);
		expect(alumniUserIds([])).toEqual([]);
	});

	it('ends when the certificate is revoked', async () => {
		const { learner, certificate } = await graduate('Dana Widerruf');
		expect(revokeCertificate(admin, certificate.id, 'Irrtum').ok).toBe(true);
		expect(isAlumnus(learner.id, COURSE_ID)).toBe(false);
		expect(alumniUserIds([COURSE_ID])).not.toContain(learner.id);
		expect(networksOf(learner.id)).toEqual([]);
	});

	it('ends on opting out and comes back on rejoining, per course', async () => {
		const { learner } = await graduate('Emil Austritt');
		leaveNetwork(learner.id, COURSE_ID);
		leaveNetwork(learner.id, COURSE_ID);
		expect(isAlumnus(learner.id, COURSE_ID)).toBe(false);
		expect(alumniUserIds([COURSE_ID])).not.toContain(learner.id);
		expect(networksOf(learner.id)).toEqual([{ courseId: COURSE_ID, member: false }]);
		rejoinNetwork(learner.id, COURSE_ID);
		expect(isAlumnus(learner.id, COURSE_ID)).toBe(true);
		expect(networksOf(learner.id)).toEqual([{ courseId: COURSE_ID, member: true }]);
	});

	it('lets in members and the course’s staff, and nobody else', async () => {
		const { learner } = await graduate('Fritzi Feld');
		const stranger = session(await makeUser('Gerd Fremd'));
		expect(alumniRoleOf(learner, COURSE_ID)).toBe('member');
		expect(alumniRoleOf(trainer, COURSE_ID)).toBe('moderator');
		expect(alumniRoleOf(admin, COURSE_ID)).toBe('moderator');
		expect(alumniRoleOf(otherTrainer, COURSE_ID)).toBeNull();
		expect(alumniRoleOf(stranger, COURSE_ID)).toBeNull();
		leaveNetwork(learner.id, COURSE_ID);
		expect(alumniRoleOf(learner, COURSE_ID)).toBeNull();
	});

	it('puts "Alumni" in the menu of members, former members and staff only', async () => {
		const { learner } = await graduate('Hilde Menü');
		const stranger = session(await makeUser('Ilse Ohne'));
		expect(hasAlumniPage(learner)).toBe(true);
		leaveNetwork(learner.id, COURSE_ID);
		// She still needs the page to rejoin.
		expect(hasAlumniPage(learner)).toBe(true);
		expect(hasAlumniPage(trainer)).toBe(true);
		expect(hasAlumniPage(stranger)).toBe(false);
	});
});

describe('the directory', () => {
	it('shows nothing of a profile that is not visible, and only the fields opted in', () => {
		const person = { userId: 'u', name: 'Hanna Hidden', email: 'h@example.org' };
		expect(directoryEntry({ ...person, profile: EMPTY_PROFILE })).toBeNull();
		const profile = {
			...EMPTY_PROFILE,
			visible: true,
			organisation: 'Schule am See',
			languages: ['Deutsch'],
			topics: ['Mentoring'],
			contact: 'platform' as const
		};
		expect(directoryEntry({ ...person, profile })).toEqual({
			id: 'u',
			name: null,
			organisation: null,
			languages: [],
			topics: [],
			contact: { kind: 'platform', value: null }
		});
		const shown = { ...profile, showName: true, showOrganisation: true, contact: 'email' as const };
		expect(directoryEntry({ ...person, profile: shown })).toMatchObject({
			name: 'Hanna Hidden',
			organisation: 'Schule am See',
			contact: { kind: 'email', value: 'h@example.org' }
		});
	});

	it('lists visible members only, filters by shown languages and topics, and drops leavers', async () => {
		const { learner: shown } = await graduate('Ida Sichtbar');
		const { learner: hidden } = await graduate('Jan Versteckt');
		saveProfile(
			shown.id,
			profileForm({
				visible: 'ja',
				showName: 'ja',
				languages: 'Türkisch, Deutsch',
				showLanguages: 'ja',
				topics: 'Hospitation'
			})
		);
		saveProfile(hidden.id, profileForm({ languages: 'Türkisch', showLanguages: 'ja' }));
		const names = (filter = {}) =>
			listDirectory(COURSE_ID, filter, 1).rows.map((entry) => entry.name);
		expect(names()).toContain('Ida Sichtbar');
		expect(names()).not.toContain('Jan Versteckt');
		expect(names({ language: 'türkisch' })).toEqual(['Ida Sichtbar']);
		// Topics she did not opt in to show neither filter nor appear.
		expect(names({ topic: 'Hospitation' })).toEqual([]);
		expect(directoryChoices(COURSE_ID)).toEqual({ languages: ['Deutsch', 'Türkisch'], topics: [] });
		leaveNetwork(shown.id, COURSE_ID);
		expect(names()).not.toContain('Ida Sichtbar');
		rejoinNetwork(shown.id, COURSE_ID);
	});

	it('pages by 20', async () => {
		for (let n = 0; n < 21; n += 1) {
			const { learner } = await graduate(`Person ${String(n).padStart(2, '0')}`);
			saveProfile(learner.id, profileForm({ visible: 'ja', topics: 'Seite', showTopics: 'ja' }));
		}
		const first = listDirectory(COURSE_ID, { topic: 'seite' }, 1);
		expect(first.rows).toHaveLength(20);
		expect(first).toMatchObject({ total: 21, pages: 2 });
		expect(listDirectory(COURSE_ID, { topic: 'seite' }, 2).rows).toHaveLength(1);
	});
});

describe('the profile form', () => {
	it('cleans lists and keeps the phone number only for phone contact', async () => {
		const learner = await makeUser('Lea Liste');
		const input = profileForm({
			languages: ' Deutsch ,deutsch;  Arabisch ',
			contact: 'email',
			phone: '+49 30 1234567'
		});
		expect(input.languages).toEqual(['Deutsch', 'Arabisch']);
		saveProfile(learner.id, input);
		expect(getProfile(learner.id).phone).toBe('');
	});

	it('refuses bad lists, contact choices and phone numbers', () => {
		const refused = (fields: Record<string, string>) =>
			profileSchema().safeParse({ contact: 'none', ...fields }).success === false;
		expect(
			refused({ languages: Array.from({ length: 11 }, (_, n) => `Sprache${n}`).join(',') })
		).toBe(true);
		expect(refused({ topics: '<script>' })).toBe(true);
		expect(refused({ topics: 'a'.repeat(41) })).toBe(true);
		expect(refused({ contact: 'fax' })).toBe(true);
		expect(refused({ contact: 'phone' })).toBe(true);
		expect(refused({ contact: 'phone', phone: 'ruf mich an' })).toBe(true);
		expect(refused({ showOrganisation: 'ja' })).toBe(true);
		expect(refused({ visible: 'yes' })).toBe(true);
	});
});

describe('privacy', () => {
	it('exports the profile and the networks left, and deletion removes them', async () => {
		const { learner } = await graduate('Kim Export');
		saveProfile(learner.id, profileForm({ visible: 'ja', organisation: 'Träger Nord' }));
		leaveNetwork(learner.id, COURSE_ID);
		const exported = collectPersonalData(learner.id)!.json['alumni.json'] as {
			profile: { organisation: string };
			networksLeft: { courseId: string }[];
		};
		expect(exported.profile.organisation).toBe('Träger Nord');
		expect(exported.networksLeft.map((row) => row.courseId)).toEqual([COURSE_ID]);
		await eraseAccount(learner.id, { actorId: admin.id, trigger: 'admin', reason: 'Antrag' });
		expect(getProfile(learner.id)).toEqual(EMPTY_PROFILE);
		expect(networksOf(learner.id)).toEqual([]);
	});
});
