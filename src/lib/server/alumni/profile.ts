import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { alumniProfiles } from '../db/schema';
import type { ProfileInput } from './profile-form';

export type AlumniProfile = Omit<typeof alumniProfiles.$inferSelect, 'userId' | 'updatedAt'>;

/** Until the person saves one: nothing is shown anywhere. */
export const EMPTY_PROFILE: AlumniProfile = {
	visible: false,
	showName: false,
	organisation: '',
	showOrganisation: false,
	languages: [],
	showLanguages: false,
	topics: [],
	showTopics: false,
	contact: 'none',
	phone: ''
};

export function getProfile(userId: string): AlumniProfile {
	const row = getDb().select().from(alumniProfiles).where(eq(alumniProfiles.userId, userId)).get();
	if (!row) return EMPTY_PROFILE;
	const { userId: _user, updatedAt: _updated, ...profile } = row;
	return profile;
}

export function saveProfile(userId: string, input: ProfileInput, now = new Date()): void {
	const values = { ...input, phone: input.contact === 'phone' ? input.phone : '' };
	getDb()
		.insert(alumniProfiles)
		.values({ userId, ...values, updatedAt: now })
		.onConflictDoUpdate({ target: alumniProfiles.userId, set: { ...values, updatedAt: now } })
		.run();
}
