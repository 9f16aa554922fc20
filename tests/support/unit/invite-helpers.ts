import { createUser } from '$lib/server/auth/users';

export const DAY = 24 * 60 * 60 * 1000;

/** What a person types into the registration form. */
export const account = (email: string) => ({
	email,
	name: 'Neue Person',
	password: 'Fahrrad Kanal Brücke'
});

/** The trainer who creates the invites of a test. */
export const createInvitingTrainer = () =>
	createUser({
		email: 'trainerin@example.org',
		name: 'Trainerin',
		password: 'Fahrrad Kanal Brücke',
		role: 'trainer'
	});
