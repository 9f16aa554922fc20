import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { rowId } from '../support/arrange';
import { addSession, createLearners } from '../support/learners';
import { courseItemIds, courseItems } from './support/content-items';

let app: AppServer;
beforeAll(async () => {
	// Two processes, so the two requests really run at the same time.
	app = await startApp({ fixtureCourses: true, port: 4531, workers: 2 });
});
afterAll(async () => {
	await app?.stop();
});

function completeAllBut(userId: string, courseId: string, itemIds: string[]): void {
	const db = new Database(app.databasePath);
	db.pragma('busy_timeout = 5000');
	const insert = db.prepare(
		`insert into completion_events (user_id, course_id, item_id, kind, source, at)
		 values (?, ?, ?, 'completed', ?, ?)`
	);
	for (const itemId of itemIds) {
		insert.run(
			userId,
			courseId,
			itemId,
			itemId.includes('wissenscheck') ? 'quiz_passed' : 'lesson_marked',
			Date.now()
		);
	}
	db.close();
}

const post = (path: string, cookie: string) =>
	fetch(app.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin: app.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: ''
	});

/** A GET on a connection of its own, so that the cluster hands successive ones to each worker. */
function getOnNewConnection(
	path: string,
	cookie: string
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(app.url + path, { agent: false, headers: { cookie } }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

function addAdmin(): string {
	const db = new Database(app.databasePath);
	db.pragma('busy_timeout = 5000');
	const id = rowId();
	db.prepare(
		`insert into users (id, email, name, password_hash, role, active, created_at, email_confirmed_at)
		 values (?, ?, 'Admin', '!', 'admin', 1, ?, ?)`
	).run(id, `admin-${id}@example.org`, Date.now(), Date.now());
	db.close();
	return addSession(app.databasePath, id);
}

describe('concurrency', () => {
	it('two browsers completing the same course at once produce exactly one certificate', async () => {
		const items = courseItemIds('83-probe-digital');
		// The course's last lesson: marking it done completes the course.
		const lessons = courseItems('83-probe-digital').filter((item) => item.type === 'lesson');
		const last = lessons.at(-1)!.id;
		const learners = createLearners(app.databasePath, 8, 'probe-digital');
		for (const learner of learners) {
			completeAllBut(
				learner.userId,
				'probe-digital',
				items.filter((id) => id !== last)
			);
			const second = addSession(app.databasePath, learner.userId);
			const responses = await Promise.all([
				post(`/kurse/${last}?/erledigt`, learner.cookie),
				post(`/kurse/${last}?/erledigt`, second)
			]);
			for (const response of responses) expect(response.status).toBe(200);
		}
		// Issuing runs right after the completion, outside the request: wait until every learner
		// has a certificate (or a deadline passes), then count.
		const db = new Database(app.databasePath, { readonly: true });
		const validCount = (userId: string) =>
			(
				db
					.prepare("select count(*) as n from certificates where user_id = ? and status = 'valid'")
					.get(userId) as { n: number }
			).n;
		for (let waited = 0; waited < 15_000; waited += 100) {
			if (learners.every((learner) => validCount(learner.userId) > 0)) break;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
		for (const learner of learners) expect(validCount(learner.userId), learner.email).toBe(1);
		db.close();
	});

	it('ten alumni signing up at once on two processes take exactly the three seats', async () => {
		const learners = createLearners(app.databasePath, 10, 'probe-verwaltung');
		const eventId = rowId();
		const db = new Database(app.databasePath);
		db.pragma('busy_timeout = 5000');
		// Alumni: a valid certificate each (earning ten through the UI is another test's job).
		const certify = db.prepare(
			`insert into certificates (id, user_id, course_id, year, serial, number, code, snapshot, signature, issued_at)
			 values (?, ?, 'probe-verwaltung', 2098, ?, ?, ?, '{}', 'x', ?)`
		);
		learners.forEach((learner, index) =>
			certify.run(rowId(), learner.userId, index, `K-${index}`, rowId(), Date.now())
		);
		db.prepare(
			`insert into events (id, title, description, format, place, starts_at, ends_at, capacity, status, created_by)
			 values (?, 'Vertiefungstreffen', 'Programm', 'online', 'Link folgt', ?, ?, 3, 'published', ?)`
		).run(eventId, Date.now() + 86_400_000, Date.now() + 2 * 86_400_000, learners[0]!.userId);
		db.prepare(
			"insert into event_audience (event_id, kind, target_id) values (?, 'course', 'probe-verwaltung')"
		).run(eventId);
		const responses = await Promise.all(
			learners.map((learner) => post(`/veranstaltungen/${eventId}?/anmelden`, learner.cookie))
		);
		for (const response of responses) expect(response.status).toBe(200);
		const counts = db
			.prepare(
				'select status, count(*) as n from event_registrations where event_id = ? group by status order by status'
			)
			.all(eventId);
		db.close();
		expect(counts).toEqual([
			{ status: 'registered', n: 3 },
			{ status: 'waitlisted', n: 7 }
		]);
	});

	it('a course published in one process reaches the other within seconds', async () => {
		const [learner] = createLearners(app.databasePath, 1, 'probe-digital');
		const lessonFile = join(
			app.dataDir,
			'content/courses/83-probe-digital/01-informationen-und-daten/01-einfuehrung-digcomp.md'
		);
		const title = `Neu veröffentlicht ${rowId()}`;
		writeFileSync(
			lessonFile,
			readFileSync(lessonFile, 'utf8').replace(/^title: .*$/m, `title: "${title}"`)
		);
		const reload = await post('/admin/inhalte?/neuladen', addAdmin());
		expect(reload.status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 2500));
		// New connections go to the workers in turn: six reach both.
		const lessonPath = '/kurse/probe-digital/informationen-und-daten/einfuehrung-digcomp';
		for (let i = 0; i < 6; i += 1) {
			const page = await getOnNewConnection(lessonPath, learner!.cookie);
			expect(page.status).toBe(200);
			expect(page.body).toContain(title);
		}
	});
});
