import { createHash } from 'node:crypto';
import { isActionFailure, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { and, eq, isNotNull, lt, ne, type SQL } from 'drizzle-orm';
import { getDb } from '../db';
import { repeatGuards } from '../db/schema';
import { knownClientAddress } from './client-address';

// A double click or a double tap sends a form twice. With JavaScript the page ignores the second
// submit (src/lib/enhance.ts); without it, or when two taps slip through, both POSTs arrive, maybe
// at two processes of a cluster. An action wrapped in `repeatSafe` runs once for the same person
// sending the same fields to the same form within a few seconds: the repeat waits for the first
// and gets its answer (the same redirect, the same message), so nothing is saved or mailed twice
// and nobody sees an error. The same text sent again later is a new submit, as are other fields,
// and so is the same text after any other submit of that person in between (applied, withdrew,
// applied again: a double click has nothing in between; forgetEarlierSubmits).

/** A repeat within this time after the first submit's answer gets that answer. */
export const REPEAT_WINDOW_MS = 10_000;
/** How long a first submit may take before a repeat stops waiting for it (its process died). */
const PENDING_MS = 60_000;
const POLL_MS = 25;

type RedirectStatus = Parameters<typeof redirect>[0];
type Answer =
	| { redirect: { status: RedirectStatus; location: string } }
	| { data: unknown }
	| { withheld: true };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type FormEvent = Pick<RequestEvent, 'locals' | 'url' | 'request' | 'getClientAddress'>;

/**
 * Wraps a form action that creates something (a message, a post, an entry, a course page). A
 * failed action (`fail`, an error) leaves nothing behind, so correcting and resending works.
 *
 * An answer that carries a secret (an invitation's link: the database keeps only its hash) is
 * not stored: give `repeated`, the answer a repeat gets instead (it runs with the repeat's
 * event, whose form is the same).
 */
export function repeatSafe<E extends FormEvent, R>(
	action: (event: E) => R | Promise<R>,
	options: { repeated?: (event: E) => R | Promise<R> } = {}
): (event: E) => Promise<R> {
	return async (event) => {
		const form = await copyOfForm(event.request);
		// A body that is no form (or too large) is the action's to refuse, as without the guard.
		if (!form) return action(event);
		const from = origin(event);
		const submit = { key: await submitKey(from, form), ...from };
		const earlier = await claimOrAwait(submit);
		if (earlier && 'withheld' in earlier && options.repeated) return options.repeated(event);
		if (earlier) return answerAgain(earlier) as R;
		try {
			const result = await action(event);
			if (isActionFailure(result)) release(submit.key);
			else record(submit.key, options.repeated ? { withheld: true } : { data: result ?? null });
			return result;
		} catch (thrown) {
			if (isRedirect(thrown)) {
				record(submit.key, { redirect: { status: thrown.status, location: thrown.location } });
			} else {
				release(submit.key);
			}
			throw thrown;
		}
	};
}

/**
 * The form from a copy of the body: the action still reads the request its own way (uploads are
 * read as a stream with a limit). Multipart boundaries differ per submit, hence fields, not bytes.
 */
async function copyOfForm(request: Request): Promise<FormData | null> {
	try {
		return await request.clone().formData();
	} catch {
		return null;
	}
}

type Origin = { sender: string; target: string };
type Submit = Origin & { key: string };

const hash = (material: string) => createHash('sha256').update(material).digest('hex');

/** Who sent it (the account, else the address) and to which action, as hashes. */
function origin(event: Pick<FormEvent, 'locals' | 'url' | 'getClientAddress'>): Origin {
	const sender = event.locals.user
		? `user:${event.locals.user.id}`
		: `address:${knownClientAddress(event) ?? ''}`;
	return { sender: hash(sender), target: hash(event.url.pathname + event.url.search) };
}

/**
 * Any submit ends the answered submits the same person sent to other actions (one still being
 * answered stays: its repeat waits for it). The hook calls this for every POST, so that a submit
 * to an action without the guard (withdrawing an application) counts as one in between too.
 */
export function forgetEarlierSubmits(
	event: Pick<FormEvent, 'locals' | 'url' | 'getClientAddress'>
): void {
	const { sender, target } = origin(event);
	forgetAnswered(sender, ne(repeatGuards.target, target));
}

/** Ends the answered submits of `sender` that `which` picks out (one being answered stays). */
function forgetAnswered(sender: string, which: SQL): void {
	getDb()
		.delete(repeatGuards)
		.where(and(eq(repeatGuards.sender, sender), which, isNotNull(repeatGuards.result)))
		.run();
}

/** Who sent which fields, files by content, to which action. */
async function submitKey({ sender, target }: Origin, form: FormData): Promise<string> {
	const fields: string[][] = [];
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string') {
			fields.push([name, value]);
		} else {
			const content = createHash('sha256')
				.update(new Uint8Array(await value.arrayBuffer()))
				.digest('hex');
			fields.push([name, value.name, value.type, content]);
		}
	}
	return hash(JSON.stringify([sender, target, fields]));
}

/**
 * null: this submit is the first and runs. Otherwise the first one's answer, once it has one.
 * Taking the key is one IMMEDIATE transaction, so of two processes exactly one gets it.
 */
async function claimOrAwait(submit: Submit): Promise<Answer | null> {
	for (;;) {
		const claim = tryClaim(submit);
		if (claim === 'claimed') return null;
		if (claim !== 'pending') return claim;
		await pause(POLL_MS);
	}
}

function tryClaim(
	{ key, sender, target }: Submit,
	now = Date.now()
): Answer | 'claimed' | 'pending' {
	return getDb().transaction(
		(tx) => {
			tx.delete(repeatGuards)
				.where(lt(repeatGuards.at, new Date(now - PENDING_MS)))
				.run();
			// Other fields sent to the same action in between end the earlier submit too.
			forgetAnswered(sender, ne(repeatGuards.key, key));
			const row = tx
				.select({ at: repeatGuards.at, result: repeatGuards.result })
				.from(repeatGuards)
				.where(eq(repeatGuards.key, key))
				.get();
			if (row?.result === null) return 'pending';
			if (row && row.at.getTime() > now - REPEAT_WINDOW_MS) return JSON.parse(row.result) as Answer;
			const at = new Date(now);
			tx.insert(repeatGuards)
				.values({ key, at, result: null, sender, target })
				.onConflictDoUpdate({ target: repeatGuards.key, set: { at, result: null } })
				.run();
			return 'claimed';
		},
		{ behavior: 'immediate' }
	);
}

/** The window starts with the answer: a slow first submit still catches its repeat. */
function record(key: string, answer: Answer): void {
	getDb()
		.update(repeatGuards)
		.set({ at: new Date(), result: JSON.stringify(answer) })
		.where(eq(repeatGuards.key, key))
		.run();
}

function release(key: string): void {
	getDb().delete(repeatGuards).where(eq(repeatGuards.key, key)).run();
}

function answerAgain(answer: Answer): unknown {
	if ('redirect' in answer) redirect(answer.redirect.status, answer.redirect.location);
	return 'data' in answer ? (answer.data ?? undefined) : undefined;
}
