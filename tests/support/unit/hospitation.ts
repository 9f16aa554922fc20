import type { SessionUser } from '$lib/server/auth/session';
import { createHospitationOffer, createOrganisation } from '$lib/server/hospitation';

/** An organisation with one offer of two places, entered by `admin`: the offer's ID. */
export function createSocialOfficeOffer(admin: SessionUser): string {
	const organisationId = createOrganisation(admin, {
		name: 'Sozialamt Wedding',
		district: 'Mitte',
		address: 'Müllerstraße 146',
		contact: 'sozialamt@example.org'
	});
	const created = createHospitationOffer(admin, {
		organisationId,
		title: 'Sozialberatung begleiten',
		description: 'Drei Tage in der Beratung',
		places: 2,
		startsOn: '2026-09-01',
		endsOn: '2026-09-03'
	});
	if (!created.ok) throw new Error(`offer not created: ${created.reason}`);
	return created.id;
}
