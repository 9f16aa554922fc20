import { m } from '$lib/paraglide/messages.js';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { fieldChanges } from '../audit/changes';
import { getDb } from '../db';
import { preparedQuery } from '../db/prepared';
import { settings } from '../db/schema';
import { textField } from '../validation/text-field';

/**
 * Who runs this instance: named on the Datenschutz and Barrierefreiheit pages, and where reported
 * barriers go. Edited by admins under Einstellungen.
 */
export interface OperatorSettings {
	name: string;
	address: string;
	email: string;
	phone: string;
	privacyContact: string;
	privacyEmail: string;
	accessibilityEmail: string;
}

const OPERATOR_KEY = 'operator';

const email = (required: boolean) =>
	textField(254, required).refine(
		(value) => value === '' || z.email().safeParse(value).success,
		m.auth_error_email_invalid()
	);

/** Built per request so that the messages use the request's locale. */
export const operatorSchema = () =>
	z.object({
		name: textField(200, true),
		address: textField(500, true),
		email: email(true),
		phone: textField(50, false),
		privacyContact: textField(200, false),
		privacyEmail: email(false),
		accessibilityEmail: email(false)
	});

/** Stored values were checked when saved: reading needs no messages in the request's locale. */
let storedOperatorSchema: ReturnType<typeof operatorSchema> | undefined;

const operatorRow = preparedQuery((db) =>
	db
		.select({ value: settings.value })
		.from(settings)
		.where(eq(settings.key, OPERATOR_KEY))
		.prepare()
);

/** The stored text, unparsed: read on every request for a public page (see public-page-cache). */
const operatorText = preparedQuery((db) =>
	db.$client.prepare(`select value from settings where key = '${OPERATOR_KEY}'`).pluck()
);

/** Changes whenever the operator's details are saved: what a page showing them was made from. */
export function operatorSettingsVersion(): string {
	return String(operatorText().get() ?? '');
}

/** null until an admin has filled them in: the pages then say so instead of inventing a name. */
export function getOperatorSettings(): OperatorSettings | null {
	const row = operatorRow().get();
	if (!row) return null;
	const parsed = (storedOperatorSchema ??= operatorSchema()).safeParse(row.value);
	return parsed.success ? parsed.data : null;
}

export function saveOperatorSettings(actorId: string, value: OperatorSettings, now = new Date()) {
	getDb().transaction((tx) => {
		const before = getOperatorSettings();
		tx.insert(settings)
			.values({ key: OPERATOR_KEY, value, updatedAt: now })
			.onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
			.run();
		recordAudit(
			{
				actorId,
				action: 'settings.changed',
				objectType: 'settings',
				objectId: OPERATOR_KEY,
				details: fieldChanges(before, value)
			},
			tx,
			now
		);
	});
}

/** Where a reported barrier goes: the accessibility contact, else the operator's address. */
export function accessibilityContact(operator: OperatorSettings | null): string | null {
	return operator?.accessibilityEmail || operator?.email || null;
}
