import { eq } from 'drizzle-orm';
import { isLocale } from '$lib/paraglide/runtime';
import { generateToken } from '../crypto/tokens';
import { getDb } from '../db';
import { mailSettings, users } from '../db/schema';
import type { Locale } from './templates';

export interface Recipient {
	id: string;
	email: string;
	name: string;
	active: boolean;
	locale: Locale;
	unsubscribeToken: string;
}

type Tx = Pick<ReturnType<typeof getDb>, 'select' | 'insert' | 'update'>;

/** The user's mail settings, created with defaults on first use. */
export function mailSettingsOf(userId: string, db: Tx = getDb(), now = new Date()) {
	const existing = db.select().from(mailSettings).where(eq(mailSettings.userId, userId)).get();
	if (existing) return existing;
	db.insert(mailSettings)
		.values({ userId, locale: 'de', unsubscribeToken: generateToken(), updatedAt: now })
		.onConflictDoNothing()
		.run();
	return db.select().from(mailSettings).where(eq(mailSettings.userId, userId)).get()!;
}

export function recipientFor(userId: string, db: Tx = getDb()): Recipient | undefined {
	// Read here rather than through auth/users: auth sends its own mails through this folder.
	const user = db
		.select({ id: users.id, email: users.email, name: users.name, active: users.active })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!user) return undefined;
	const settings = mailSettingsOf(userId, db);
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		active: user.active,
		locale: settings.locale,
		unsubscribeToken: settings.unsubscribeToken
	};
}

/** Remembers the language a user chose (login, language switch, account page) for their mails. */
export function setMailLocale(userId: string, locale: string, now = new Date()): void {
	if (!isLocale(locale)) return;
	const db = getDb();
	mailSettingsOf(userId, db, now);
	db.update(mailSettings)
		.set({ locale, updatedAt: now })
		.where(eq(mailSettings.userId, userId))
		.run();
}

/** Read-only (pages call it): a user without settings reads German, the base language. */
export function mailLocaleOf(userId: string): Locale {
	return (
		getDb()
			.select({ locale: mailSettings.locale })
			.from(mailSettings)
			.where(eq(mailSettings.userId, userId))
			.get()?.locale ?? 'de'
	);
}

export function findByUnsubscribeToken(token: string) {
	return getDb()
		.select({ userId: mailSettings.userId })
		.from(mailSettings)
		.where(eq(mailSettings.unsubscribeToken, token))
		.get();
}
