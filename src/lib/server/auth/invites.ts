import { and, count, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { pageOfQuery } from '../db/paging';
import { cohorts, enrolments, invites, users, type Role } from '../db/schema';
import { queueMail, type Locale } from '../mail';
import { sendAddressConfirmation } from './email-confirmation';
import { hashPassword } from './password';
import { generateId, generateToken, hashToken } from '../crypto/tokens';
import { normaliseEmail } from './users';
import { asOneLine } from '../validation/text';

export type InviteStatus = 'valid' | 'unknown' | 'expired' | 'used_up' | 'revoked';

export interface InviteState {
	expiresAt: Date;
	revokedAt: Date | null;
	uses: number;
	maxUses: number;
}

export function inviteStatus(invite: InviteState | undefined, now = new Date()): InviteStatus {
	if (!invite) return 'unknown';
	if (invite.revokedAt) return 'revoked';
	if (invite.expiresAt <= now) return 'expired';
	if (invite.uses >= invite.maxUses) return 'used_up';
	return 'valid';
}

export interface NewInvite {
	role: Role;
	email?: string | null;
	/** Offered in the registration form (from a CSV import); the person may change it. */
	name?: string | null;
	cohortId?: string | null;
	maxUses: number;
	expiresAt: Date;
	createdBy: string;
}

export const registrationPath = (token: string) => `/registrieren/${token}`;

/**
 * Creates the invite and, when it names an address, queues the invitation mail in the same
 * transaction. `mailed` tells the page whether a mail went out (the link is shown either way).
 */
export function createInvite(
	input: NewInvite,
	now = new Date()
): { token: string; id: string; mailed: boolean } {
	const token = generateToken();
	const id = generateId();
	const email = input.email ? normaliseEmail(input.email) : null;
	return getDb().transaction((tx) => {
		tx.insert(invites)
			.values({
				id,
				tokenHash: hashToken(token),
				role: input.role,
				email,
				name: input.name ?? null,
				cohortId: input.cohortId ?? null,
				maxUses: input.maxUses,
				expiresAt: input.expiresAt,
				createdBy: input.createdBy
			})
			.run();
		recordAudit(
			{
				actorId: input.createdBy,
				action: 'invite.created',
				objectType: 'invite',
				objectId: id,
				details: { role: input.role, cohortId: input.cohortId ?? null, personal: !!email }
			},
			tx,
			now
		);
		if (!email) return { token, id, mailed: false };
		const inviter = tx
			.select({ name: users.name })
			.from(users)
			.where(eq(users.id, input.createdBy))
			.get();
		const cohort = input.cohortId
			? tx.select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.id, input.cohortId)).get()
			: undefined;
		// The invitee has no language setting yet: invitations go out in the platform's language.
		queueMail(
			{
				userId: null,
				to: email,
				locale: 'de',
				content: {
					kind: 'invite',
					inviterName: inviter?.name ?? '',
					cohortName: cohort?.name ?? null,
					role: input.role,
					path: registrationPath(token),
					expiresAt: input.expiresAt,
					hasAccount: !!tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()
				}
			},
			tx,
			now
		);
		return { token, id, mailed: true };
	});
}

const publicInviteColumns = {
	id: invites.id,
	role: invites.role,
	email: invites.email,
	name: invites.name,
	cohortId: invites.cohortId,
	maxUses: invites.maxUses,
	uses: invites.uses,
	expiresAt: invites.expiresAt,
	revokedAt: invites.revokedAt,
	createdAt: invites.createdAt
};

export function findInvite(token: string) {
	return getDb()
		.select({ ...publicInviteColumns, cohortName: cohorts.name })
		.from(invites)
		.leftJoin(cohorts, eq(cohorts.id, invites.cohortId))
		.where(eq(invites.tokenHash, hashToken(token)))
		.get();
}

/** Invites a user created (trainers) or all invites (admins), newest first. */
export const INVITES_PAGE_SIZE = 25;

/** One page of invitations, newest first: all for admins, a trainer's own for trainers. */
export function listInvites(options: { createdBy?: string; page?: number }) {
	const db = getDb();
	const where = options.createdBy ? eq(invites.createdBy, options.createdBy) : undefined;
	return pageOfQuery(
		db.select({ n: count() }).from(invites).where(where),
		db
			.select({ ...publicInviteColumns, cohortName: cohorts.name, createdByName: users.name })
			.from(invites)
			.leftJoin(cohorts, eq(cohorts.id, invites.cohortId))
			.innerJoin(users, eq(users.id, invites.createdBy))
			.where(where)
			.orderBy(desc(invites.createdAt), desc(invites.id)),
		options.page ?? 1,
		INVITES_PAGE_SIZE
	);
}

/** `byUserId`: only invites of this user (trainers); null: any (admins, who are `actorId`). */
export function revokeInvite(
	id: string,
	byUserId: string | null,
	actorId: string | null = byUserId
): boolean {
	return revokeInviteWhere(id, byUserId ? eq(invites.createdBy, byUserId) : undefined, actorId);
}

/** Any open invite into this cohort, whoever made it: its trainers manage who joins it. */
export function revokeCohortInvite(id: string, cohortId: string, actorId: string): boolean {
	return revokeInviteWhere(id, eq(invites.cohortId, cohortId), actorId);
}

function revokeInviteWhere(id: string, scope: SQL | undefined, actorId: string | null): boolean {
	return getDb().transaction((tx) => {
		const result = tx
			.update(invites)
			.set({ revokedAt: new Date() })
			.where(and(eq(invites.id, id), isNull(invites.revokedAt), scope))
			.run();
		if (result.changes !== 1) return false;
		recordAudit({ actorId, action: 'invite.revoked', objectType: 'invite', objectId: id }, tx);
		return true;
	});
}

export type RedeemFailure = Exclude<InviteStatus, 'valid'> | 'email_mismatch' | 'email_taken';
export type RedeemResult = { ok: true; userId: string } | { ok: false; reason: RedeemFailure };

type Reader = Pick<ReturnType<typeof getDb>, 'select'>;

/** The invite behind a token, if it is still valid and not bound to another address. */
export function usableInvite(
	reader: Reader,
	token: string,
	email: string,
	now: Date
):
	| { invite: typeof invites.$inferSelect }
	| { problem: Exclude<InviteStatus, 'valid'> | 'email_mismatch' } {
	const invite = reader
		.select()
		.from(invites)
		.where(eq(invites.tokenHash, hashToken(token)))
		.get();
	const status = inviteStatus(invite, now);
	if (!invite || status !== 'valid') return { problem: status as Exclude<InviteStatus, 'valid'> };
	if (invite.email && invite.email !== email) return { problem: 'email_mismatch' };
	return { invite };
}

function inviteProblem(
	reader: Reader,
	token: string,
	email: string,
	now: Date
): { invite: typeof invites.$inferSelect } | { problem: RedeemFailure } {
	const usable = usableInvite(reader, token, email, now);
	if ('problem' in usable) return usable;
	if (reader.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
		return { problem: 'email_taken' };
	}
	return usable;
}

/**
 * The cheap checks of a registration (token, address), made before any password is hashed: a
 * made-up token costs one lookup, not a second of CPU.
 */
export function checkRegistration(
	token: string,
	email: string,
	now = new Date()
): RedeemFailure | null {
	const checked = inviteProblem(getDb(), token, normaliseEmail(email), now);
	return 'problem' in checked ? checked.problem : null;
}

/**
 * Creates the account and uses up one redemption atomically: the use counter is incremented
 * only while uses < max_uses, so two simultaneous registrations cannot overuse an invite. The
 * password is hashed only after the invite and address passed the cheap checks.
 *
 * An invitation sent to an address proves it (the link came by mail). A link without one (a
 * cohort's shared link) proves nothing: the account starts unconfirmed and the address gets a
 * confirmation link (in `locale`, the language the person registered in), and no other mail until
 * it is opened. Otherwise anyone with the link could take a colleague's address and their mail.
 */
export async function redeemInvite(
	token: string,
	account: { email: string; name: string; password: string; locale?: Locale },
	now = new Date()
): Promise<RedeemResult> {
	const email = normaliseEmail(account.email);
	const problem = checkRegistration(token, email, now);
	if (problem) return { ok: false, reason: problem };
	const passwordHash = await hashPassword(account.password);
	const db = getDb();
	// IMMEDIATE: the checks and the claim run under the write lock, also across processes.
	return db.transaction(
		(tx): RedeemResult => {
			const checked = inviteProblem(tx, token, email, now);
			if ('problem' in checked) return { ok: false, reason: checked.problem };
			const { invite } = checked;
			const claimed = tx
				.update(invites)
				.set({ uses: sql`${invites.uses} + 1` })
				.where(and(eq(invites.id, invite.id), lt(invites.uses, invites.maxUses)))
				.run();
			if (claimed.changes !== 1) return { ok: false, reason: 'used_up' };
			const userId = generateId();
			const name = asOneLine(account.name).trim();
			const confirmed = invite.email === email;
			tx.insert(users)
				.values({
					id: userId,
					email,
					name,
					passwordHash,
					role: invite.role,
					emailConfirmedAt: confirmed ? now : null
				})
				.run();
			recordAudit(
				{
					actorId: userId,
					action: 'user.created',
					objectType: 'user',
					objectId: userId,
					subjectUserId: userId,
					details: {
						role: invite.role,
						via: 'invite',
						inviteId: invite.id,
						emailConfirmed: confirmed
					}
				},
				tx,
				now
			);
			if (!confirmed) {
				sendAddressConfirmation(tx, { id: userId, name, email }, now, account.locale ?? 'de');
			}
			if (invite.cohortId) {
				const cohort = tx.select().from(cohorts).where(eq(cohorts.id, invite.cohortId)).get();
				if (cohort) {
					tx.insert(enrolments)
						.values({ id: generateId(), userId, courseId: cohort.courseId, cohortId: cohort.id })
						.run();
				}
			}
			return { ok: true, userId };
		},
		{ behavior: 'immediate' }
	);
}
