import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { createLearners } from '../support/learners';
import { Client } from './support/client';
import { openDb } from './support/database';

// "Passwort vergessen" must not tell whether an address has an account: not by the answer, not
// by the status code, not by the time it takes. Timing is compared over many interleaved runs.

const RUNS = 100;
const ROUNDS = 3;
let app: AppServer;
beforeAll(async () => {
	app = await startApp({
		fixtureCourses: true,
		port: 4581,
		env: { RESET_LIMIT_IP: '100000', REGISTER_LIMIT_IP: '3' }
	});
});
afterAll(async () => {
	await app?.stop();
});

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};
const quantile = (values: number[], q: number) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length * q)]!;
/** The page differs per response only in its CSP nonce. */
const normalise = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');

async function request(client: Client, email: string) {
	const started = performance.now();
	const response = await client.post('/passwort-vergessen', { email });
	const body = await response.text();
	return { ms: performance.now() - started, status: response.status, body: normalise(body) };
}

describe('Passwort vergessen without account enumeration', () => {
	it('answers known and unknown addresses alike: same page, same status, comparable time', async () => {
		const client = new Client(app.url);
		for (let i = 0; i < 20; i += 1) await request(client, `aufwaermen-${i}@example.org`);

		const bodies = new Set<string>();
		const statuses = new Set<number>();
		const allKnown: string[] = [];
		/** One round of interleaved pairs; true when its times are comparable. */
		async function round(index: number): Promise<boolean> {
			const known = createLearners(app.databasePath, RUNS, 'probe-ikbo').map(
				(learner) => learner.email
			);
			allKnown.push(...known);
			const unknown = known.map((email) => email.replace('last-', 'niemand-'));
			const times = { known: [] as number[], unknown: [] as number[] };
			for (let i = 0; i < RUNS; i += 1) {
				// Alternate which goes first, so neither profits from a warm cache more often.
				const pair = i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
				for (const kind of pair) {
					const result = await request(client, kind === 'known' ? known[i]! : unknown[i]!);
					times[kind].push(result.ms);
					bodies.add(result.body);
					statuses.add(result.status);
				}
			}
			const [k, u] = [median(times.known), median(times.unknown)];
			// Each pair ran back to back, so their difference is free of drift over the round.
			const paired = median(times.unknown.map((ms, i) => ms - times.known[i]!));
			const spread = (values: number[]) =>
				`p25 ${quantile(values, 0.25).toFixed(2)} / p50 ${median(values).toFixed(2)} / p75 ${quantile(values, 0.75).toFixed(2)} ms`;
			console.log(
				`reset timing, round ${index}, ${RUNS} pairs: known ${spread(times.known)}; unknown ${spread(times.unknown)}; median paired difference ${paired.toFixed(2)} ms`
			);
			// Comparable: less than a fifth apart (at least 2 ms of scheduling noise).
			return Math.abs(paired) < Math.max(2, 0.2 * Math.min(k, u));
		}
		// A real leak (a lookup, a hash or a mail on the request path for known addresses only)
		// shows in every round; scheduling noise on a busy machine rarely in three in a row.
		const rounds: boolean[] = [];
		while (rounds.length < ROUNDS && !rounds.includes(true)) {
			rounds.push(await round(rounds.length + 1));
		}
		expect([...statuses]).toEqual([200]);
		expect(bodies.size, 'one and the same page for every address').toBe(1);
		expect([...bodies][0]).toContain('Wenn es zu dieser Adresse ein Konto gibt');
		expect(rounds, 'comparable times in at least one of three rounds').toContain(true);

		// The known addresses did get their mails, in the background; the unknown ones nothing.
		const db = openDb(app.databasePath, true);
		const mailed = () =>
			(
				db.prepare("select to_address from mail_outbox where kind = 'password_reset'").all() as {
					to_address: string;
				}[]
			).map((row) => row.to_address);
		const deadline = Date.now() + 30_000;
		while (mailed().length < allKnown.length && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(mailed().sort()).toEqual([...allKnown].sort());
		db.close();
	});

	it('accepts the RFC 8058 one-click unsubscribe from a mail provider (no Origin), nothing else cross-site', async () => {
		const db = openDb(app.databasePath);
		const user = db.prepare("select id from users where email = 'lernende@example.org'").get() as {
			id: string;
		};
		db.prepare(
			`insert or ignore into mail_settings (user_id, locale, unsubscribe_token, updated_at)
			 values (?, 'de', 'abcdefghijklmnopqrstuvwxyz234567', ?)`
		).run(user.id, Date.now());
		const token = (
			db.prepare('select unsubscribe_token from mail_settings where user_id = ?').get(user.id) as {
				unsubscribe_token: string;
			}
		).unsubscribe_token;
		const provider = await fetch(`${app.url}/abbestellen/${token}/rueckmeldungen`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click',
			redirect: 'manual'
		});
		expect(provider.status).toBe(200);
		const preference = db
			.prepare(
				"select frequency from mail_preferences where user_id = ? and kind = 'feedback_received'"
			)
			.get(user.id);
		expect(preference).toEqual({ frequency: 'never' });
		// Any other form post without a matching Origin is still refused.
		for (const origin of [undefined, 'https://angreifer.example']) {
			const response = await fetch(`${app.url}/passwort-vergessen`, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					...(origin ? { origin } : {})
				},
				body: 'email=lernende%40example.org',
				redirect: 'manual'
			});
			expect(response.status).toBe(403);
			expect(await response.text()).toContain('nicht von dieser Seite aus abgeschickt');
		}
		// A method the route does not answer is said in German, too.
		const put = await fetch(`${app.url}/konto`, {
			method: 'PUT',
			headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'a=b'
		});
		expect(put.status).toBe(405);
		expect(await put.text()).toBe(
			'Diese Adresse nimmt keine PUT-Anfragen an. Bitte öffnen Sie die Seite im Browser.'
		);
		db.close();
	});
});

describe('a shared registration link', () => {
	it('says an address has an account only within the registration budget of the IP', async () => {
		const admin = new Client(app.url);
		await admin.login('admin@example.org');
		const created = await admin.post('/einladungen?/create', {
			role: 'learner',
			usage: 'multi',
			maxUses: '30',
			validDays: '7'
		});
		const token = (await created.text()).match(/\/registrieren\/([a-z0-9]+)/)?.[1];
		expect(token).toBeTruthy();
		const visitor = new Client(app.url);
		const password = 'Sonnenblume Fahrrad Brücke 7';
		const answers = [];
		for (let i = 0; i < 4; i += 1) {
			const response = await visitor.post(`/registrieren/${token}?/register`, {
				name: 'Eve Probe',
				email: 'admin@example.org',
				password,
				passwordRepeat: password
			});
			answers.push({ status: response.status, body: await response.text() });
		}
		expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 429]);
		expect(answers[0]!.body).toContain('gibt es schon ein Konto');
		expect(answers[3]!.body).not.toContain('gibt es schon ein Konto');
	});
});
