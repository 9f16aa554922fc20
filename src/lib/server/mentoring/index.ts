// Mentoring: one door for the routes.
export { isAlumnus } from './eligibility';
export {
	CAPACITY_MAX,
	confirmSchema,
	declineSchema,
	meetingSchema,
	offerSchema,
	pairMessageSchema,
	requestSchema
} from './form';
export { MATCHING_URL, MENTORING_URL, pairUrl } from './links';
export { markPairSeen } from './notify';
export { getOwnOffer, listOffers, saveOffer, type ListedOffer, type OfferFilter } from './offers';
export {
	confirmPairing,
	declinePairing,
	endPairing,
	getPairFor,
	listOpenRequests,
	listOwnPairs,
	requestMentor,
	withdrawRequest,
	type PairRow
} from './pairs';
export {
	addMeeting,
	addPairMessage,
	listMeetings,
	listMessages,
	MESSAGES_PER_PAGE
} from './thread';
