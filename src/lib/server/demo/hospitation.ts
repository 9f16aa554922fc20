import { eq } from 'drizzle-orm';
import { addDays } from '../cohorts/dates';
import { getDb } from '../db';
import { users } from '../db/schema';
import { createHospitationOffer, createOrganisation } from '../hospitation';
import { berlinDay } from '$lib/berlin-day';

/** One organisation with one offer a month from now, entered by the demo admin. */
export function seedDemoHospitation(today = berlinDay()): void {
	const admin = getDb()
		.select({ id: users.id, name: users.name, email: users.email, role: users.role })
		.from(users)
		.where(eq(users.email, 'admin@example.org'))
		.get();
	if (!admin) return;
	const organisationId = createOrganisation(admin, {
		name: 'Stadtteilzentrum Beispielkiez (Demo)',
		district: 'Friedrichshain-Kreuzberg',
		address: 'Beispielweg 5, 10997 Berlin',
		contact: 'Frau Muster, 030 1234567'
	});
	createHospitationOffer(admin, {
		organisationId,
		title: 'Sozialberatung begleiten',
		description:
			'Sie begleiten drei Tage die offene Sozialberatung: Gespräche mit Ratsuchenden, Anträge, Weitervermittlung.',
		places: 2,
		startsOn: addDays(today, 30),
		endsOn: addDays(today, 32)
	});
}
