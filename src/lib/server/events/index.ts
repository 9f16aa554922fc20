// Veranstaltungen: one door for the routes.
export { canManageEvent, eventRoleOf } from './access';
export {
	attendanceField,
	attendedDaysOf,
	listParticipants,
	saveAttendance,
	type Participant
} from './attendance';
export { audienceChoicesFor, audienceOf, inviteesOf, isInvited } from './audience';
export { berlinParts, daysBetween } from './berlin-time';
export { confirmationOf, verifyEventConfirmation, type EventVerification } from './confirmations';
export {
	cancelEvent,
	createEvent,
	eventPeriodParam,
	getEvent,
	listManagedEvents,
	listVisibleEvents,
	publishEvent,
	publishRefusal,
	updateEvent,
	type EventPeriod,
	type EventRecord,
	type PublishRefusal
} from './events';
export {
	audienceKey,
	eventSchema,
	parseAudience,
	type AudienceChoice,
	type EventInput,
	type EventSchemaOptions
} from './form';
export { requireEventGuest, requireEventOrganiser } from './guard';
export { calendarFile } from './ics';
export { alumniUserIds } from './invitees';
export { eventUrl, manageEventUrl } from './links';
export {
	cancelRegistration,
	closesAt,
	register,
	registrationOf,
	removeRegistration,
	seatCounts,
	type Registration
} from './queue';
export { eventFormValues, eventView, participantsCsv, visibleEventsFor } from './views';
export { audienceFields, readEventForm } from './form-action';
