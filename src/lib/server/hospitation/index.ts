// Hospitation: one door for the routes.
export {
	acceptSchema,
	applySchema,
	hospitationOfferSchema,
	organisationSchema,
	rejectSchema
} from './form';
export {
	acceptApplication,
	acceptedHospitationsOf,
	applyForHospitation,
	createHospitationOffer,
	createOrganisation,
	hospitationLabel,
	declineApplication,
	listHospitationOffers,
	listOpenApplications,
	listOrganisations,
	listOwnApplications,
	withdrawApplication
} from './hospitation';
export {
	deleteOrganisation,
	getHospitationOffer,
	getOrganisation,
	setHospitationOfferClosed,
	updateHospitationOffer,
	updateOrganisation
} from './manage';
