// The mail domain's door: queue mails inside the causing transaction, read and change mail
// preferences, run the worker, and what the Postausgang page shows.
export { loadMailConfig, type MailConfig } from './config';
export { describeProblem, getMailHealth, type MailHealth } from './health';
export {
	countOutboxByStatus,
	getOutboxMail,
	listOutbox,
	queueMail,
	requeueMail,
	type NewMail
} from './outbox';
export {
	frequencyFor,
	getMailPreferences,
	setMailPreferences,
	unsubscribe,
	unsubscribePath,
	type MailPreferences
} from './preferences';
export { mailKindsFor, mailSettingsSchema } from './preferences-form';
export {
	findByUnsubscribeToken,
	mailLocaleOf,
	recipientFor,
	setMailLocale,
	type Recipient
} from './recipients';
export { wakeMailWorker } from './signal';
export type { Locale, MailTemplateInput } from './templates';
export {
	atMostEvery,
	createMailWorker,
	registerMailProducer,
	startMailWorker,
	stopMailWorker,
	type MailProducer,
	type MailWorker
} from './worker';
