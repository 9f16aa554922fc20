import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { eq, sql } from 'drizzle-orm';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bufferOf, readZip } from '$test/read-zip';
import { databasePath } from '../config/paths';
import { getDb, schema } from '../db';
import { useFreshDatabase } from '$test/unit/test-database';
import { verifyCode } from '../certificates/verify';
import { recordAudit } from '../audit';
import { eraseAccount } from './erase';
import { exportPersonalData } from './export-zip';
import { findOrphanUploads } from './orphans';
import { allTables, exportFiles, personalColumns } from './registry';
import { arrangePersonWithData, PERSON, useFreshFolders } from '$test/unit/test-person';

/** Every column of the schema with a foreign key to users, as `table.column`. */
function userReferencesInSchema(): string[] {
	const found: string[] = [];
	for (const table of allTables) {
		const config = getTableConfig(table);
		for (const foreignKey of config.foreignKeys) {
			const reference = foreignKey.reference();
			if (getTableConfig(reference.foreignTable).name !== 'users') continue;
			for (const column of reference.columns) found.push(`${config.name}.${column.name}`);
		}
	}
	return found.sort();
}

const registered = () => personalColumns.map(({ table, column }) => `${table}.${column}`).sort();
const rowsPointingAt = (userId: string) =>
	personalColumns
		.map(({ table, column }) => ({
			at: `${table}.${column}`,
			n: getDb().get<{ n: number }>(
				sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${userId}`
			).n
		}))
		.filter(({ n }) => n > 0);

let folders: { uploads: string; mail: string };
let arranged: Awaited<ReturnType<typeof arrangePersonWithData>>;

beforeEach(async () => {
	useFreshDatabase();
	folders = useFreshFolders();
	arranged = await arrangePersonWithData(folders);
});

describe('the registry of personal data', () => {
	it('covers every table column that references a user, as the schema declares it', () => {
		const inSchema = userReferencesInSchema();
		expect(inSchema.length).toBeGreaterThan(20);
		expect(registered()).toEqual(inSchema);
	});

	it('is exercised completely by the test person (every personal column holds a row)', () => {
		expect(
			rowsPointingAt(arranged.person.id)
				.map(({ at }) => at)
				.sort()
		).toEqual(registered());
	});
});

describe('data export', () => {
	it('is a ZIP with a German LIESMICH.txt, an overview, every JSON file and the uploads', async () => {
		const exported = (await exportPersonalData(arranged.person.id, arranged.person.id))!;
		expect(exported.filename).toMatch(/^meine-daten-\d{4}-\d{2}-\d{2}\.zip$/);
		const entries = await readZip(await bufferOf(exported.stream));
		expect(entries.get('LIESMICH.txt')!.toString()).toContain('Art. 15 DSGVO');
		for (const file of exportFiles) {
			expect(entries.get('LIESMICH.txt')!.toString()).toContain(file);
			expect(() => JSON.parse(entries.get(file)!.toString()), file).not.toThrow();
		}
		const account = JSON.parse(entries.get('konto.json')!.toString());
		expect(account.account).toMatchObject({ name: PERSON.name, email: PERSON.email });
		expect(JSON.stringify(account)).not.toMatch(/password_?hash|tokenHash/i);
		const submissions = JSON.parse(entries.get('abgaben.json')!.toString());
		expect(submissions[0].versions[0].text).toContain(PERSON.name);
		expect(submissions[0].reviewsReceived).toHaveLength(1);
		const uploaded = [...entries.keys()].find((path) => path.startsWith('dateien/'))!;
		expect(uploaded).toMatch(/lebenslauf\.txt$/);
		expect(entries.get(uploaded)!.toString()).toContain(PERSON.email);
		// Files attached to Austausch posts: listed in austausch.json and copied like uploads.
		const discussion = JSON.parse(entries.get('austausch.json')!.toString());
		const attachment = discussion.attachments[0];
		expect(attachment).toMatchObject({ originalName: 'notizen.pdf', postId: arranged.postId });
		expect(attachment.storedName).toBeUndefined();
		expect(attachment.path).toMatch(/^dateien\/austausch\/.+notizen\.pdf$/);
		expect(entries.get(attachment.path)!.toString()).toContain(PERSON.email);
		expect(JSON.parse(entries.get('quizversuche.json')!.toString())[0].answers).toEqual({
			q1: ['a']
		});
		expect(entries.get('uebersicht.html')!.toString()).toContain('<html lang="de">');
		const audit = getDb().select().from(schema.auditLog).all();
		expect(audit.map((entry) => entry.action)).toContain('data.exported');
	});

	it('keeps the person’s own addresses in protokoll.json, not those of staff acting on them', async () => {
		const person = arranged.person.id;
		recordAudit({ actorId: person, action: 'data.exported', ip: '203.0.113.5' });
		recordAudit({
			actorId: 'someone-else',
			action: 'submission.reviewed',
			subjectUserId: person,
			ip: '198.51.100.7'
		});
		const exported = (await exportPersonalData(person, person))!;
		const entries = await readZip(await bufferOf(exported.stream));
		const text = entries.get('protokoll.json')!.toString();
		expect(text).toContain('203.0.113.5');
		expect(text).not.toContain('198.51.100.7');
		const log = JSON.parse(text) as { actorId: string; ip: string | null }[];
		expect(log.find((entry) => entry.actorId === 'someone-else')).toMatchObject({ ip: null });
	});

	it('answers null for an unknown person', async () => {
		expect(await exportPersonalData('nobody', 'nobody')).toBeNull();
	});
});

describe('deletion', () => {
	/** The raw bytes of the database (after a checkpoint) and of every kept file. */
	function storedBytes(): Buffer {
		getDb().$client.pragma('wal_checkpoint(TRUNCATE)');
		const parts = [readFileSync(databasePath())];
		if (existsSync(`${databasePath()}-wal`)) parts.push(readFileSync(`${databasePath()}-wal`));
		for (const dir of [folders.uploads, folders.mail]) {
			if (!existsSync(dir)) continue;
			for (const name of readdirSync(dir)) parts.push(readFileSync(join(dir, name)));
		}
		return Buffer.concat(parts);
	}

	it('leaves neither name nor address nor files on disk, and keeps anonymous quiz attempts', async () => {
		const before = storedBytes();
		expect(before.includes(PERSON.name)).toBe(true);
		expect(before.includes(PERSON.email)).toBe(true);
		const result = await eraseAccount(arranged.person.id, {
			actorId: arranged.colleague.id,
			trigger: 'admin',
			reason: 'Antrag per Brief'
		});
		expect(result).toMatchObject({ ok: true, files: 2 });
		expect(rowsPointingAt(arranged.person.id)).toEqual([]);
		const after = storedBytes();
		expect(after.includes(PERSON.name)).toBe(false);
		expect(after.includes(PERSON.email)).toBe(false);
		expect(after.includes(Buffer.from(PERSON.name, 'utf16le'))).toBe(false);
		expect(existsSync(join(folders.uploads, arranged.storedName))).toBe(false);
		// The anonymised post stays; the file the person attached to it does not.
		expect(existsSync(join(folders.uploads, arranged.attachmentName))).toBe(false);
		expect(getDb().select().from(schema.discussionAttachments).all()).toEqual([]);
		expect(
			getDb()
				.select()
				.from(schema.discussionPosts)
				.where(eq(schema.discussionPosts.id, arranged.postId))
				.all()
		).toHaveLength(1);
		expect(existsSync(join(folders.mail, `${arranged.mailId}.eml`))).toBe(false);

		const attempts = getDb().select().from(schema.quizAttempts).all();
		expect(attempts).toHaveLength(1);
		const standIn = getDb()
			.select()
			.from(schema.users)
			.where(eq(schema.users.id, attempts[0]!.userId))
			.get()!;
		expect(standIn).toMatchObject({ name: 'Gelöschte Person', active: false });
		expect(standIn.erasedAt).toBeInstanceOf(Date);
		// The colleague's own data stays.
		expect(
			getDb().select().from(schema.users).where(eq(schema.users.id, arranged.colleague.id)).get()
		).toBeTruthy();
		const entry = getDb()
			.select()
			.from(schema.auditLog)
			.where(eq(schema.auditLog.action, 'account.deleted'))
			.get()!;
		expect(entry).toMatchObject({
			actorId: arranged.colleague.id,
			subjectUserId: arranged.person.id
		});
		expect(entry.details).toMatchObject({ trigger: 'admin', reason: 'Antrag per Brief' });
	});

	it('answers "gelöscht" for the certificate, without a name', async () => {
		await eraseAccount(arranged.person.id, {
			actorId: null,
			trigger: 'grace_period',
			reason: 'Frist'
		});
		const verification = verifyCode('ABCD-EFGH-JKMN-PQRS');
		expect(verification).toMatchObject({ found: false, erased: true });
		expect(JSON.stringify(verification)).not.toContain(PERSON.name);
	});

	it('keeps only the printed certificate data when the person chose so', async () => {
		await eraseAccount(arranged.person.id, {
			actorId: null,
			trigger: 'grace_period',
			reason: 'Frist',
			keepCertificatesVerifiable: true
		});
		const verification = verifyCode('ABCD-EFGH-JKMN-PQRS');
		expect(verification).toMatchObject({ found: true, status: 'valid' });
		expect(
			getDb().select().from(schema.users).where(eq(schema.users.email, PERSON.email)).get()
		).toBeUndefined();
	});

	it('refuses to delete the last active admin, and an unknown account', async () => {
		const admin = arranged.colleague;
		await eraseAccount(arranged.person.id, { actorId: null, trigger: 'admin', reason: 'x' });
		expect(
			await eraseAccount(admin.id, { actorId: admin.id, trigger: 'admin', reason: 'x' })
		).toEqual({
			ok: false,
			reason: 'last_admin'
		});
		expect(await eraseAccount('nobody', { actorId: null, trigger: 'admin', reason: 'x' })).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});

describe('orphaned uploads', () => {
	it('are reported and removed when no submission or post refers to them (older than an hour)', async () => {
		const stray = join(folders.uploads, 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz');
		writeFileSync(stray, 'liegengeblieben');
		const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
		expect((await findOrphanUploads({ now: new Date() })).orphans).toEqual([]);
		const report = await findOrphanUploads({ now: later });
		expect(report.orphans.map((file) => file.name)).toEqual(['zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz']);
		expect(existsSync(stray)).toBe(true);
		utimesSync(stray, new Date(0), new Date(0));
		expect((await findOrphanUploads({ remove: true })).removed).toBe(true);
		expect(existsSync(stray)).toBe(false);
		expect(existsSync(join(folders.uploads, arranged.storedName))).toBe(true);
		expect(existsSync(join(folders.uploads, arranged.attachmentName))).toBe(true);
	});
});
