import { execFileSync } from 'node:child_process';
import fs, {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../../tests/support/unit/test-database';
import { withLease } from '../db/lease';
import {
	changesIn,
	ensureRepository,
	folderLease,
	headOid,
	holdingFolder,
	readFileAt,
	type ChangeSet
} from './repository';
import { findCommit, history } from './history';

/** One change committed on its own, as the studio's publish does after its check. */
const commitFiles = (dir: string, change: ChangeSet) =>
	holdingFolder(dir, (folder) => folder.commit(change));

const ANNA = { name: 'Anna Autorin', email: 'anna@example.org' };
const BERND = { name: 'Bernd Bearbeiter', email: 'bernd@example.org' };
const LESSON = 'courses/01-kurs/01-modul/lektion.md';
const OTHER_COURSE = 'courses/02-anderer/einfuehrung.md';
// PNG signature followed by an IHDR chunk length: contains NUL bytes like every real PNG.
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]);

let dir: string;

beforeAll(() => {
	// Commits take a lease in the database (shared by every server process).
	useFreshDatabase();
});

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'repo-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

function writeFile(path: string, content: string | Uint8Array) {
	mkdirSync(dirname(join(dir, path)), { recursive: true });
	writeFileSync(join(dir, path), content);
}

function change(partial: Partial<ChangeSet>): ChangeSet {
	return { writes: [], deletes: [], author: ANNA, message: 'Änderung', ...partial };
}

async function filesInHead(): Promise<string[]> {
	const oid = await headOid(dir);
	return git.listFiles({ fs, dir, ref: oid ?? 'HEAD' });
}

async function seedRepository() {
	writeFile(LESSON, '# Lektion\n');
	writeFile(OTHER_COURSE, 'Willkommen\n');
	await ensureRepository(dir);
}

describe('ensureRepository', () => {
	it('creates one commit with every visible file, skipping hidden ones', async () => {
		writeFile(LESSON, '# Lektion\n');
		writeFile('glossar.md', 'Begriffe\n');
		writeFile('.hidden', 'geheim');
		writeFile('courses/.entwurf/notiz.md', 'nicht versionieren');

		expect(await ensureRepository(dir)).toBe(true);

		const entries = await history(dir);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			message: 'Ausgangsstand der Kursinhalte',
			authorName: 'Lernplattform',
			authorEmail: 'lernplattform@localhost'
		});
		expect(await filesInHead()).toEqual([LESSON, 'glossar.md']);
		expect(await git.currentBranch({ fs, dir })).toBe('main');
	});

	it('leaves an existing repository alone', async () => {
		await seedRepository();
		const head = await headOid(dir);

		expect(await ensureRepository(dir)).toBe(false);
		expect(await headOid(dir)).toBe(head);
	});

	it('initialises only once when called twice at the same time', async () => {
		writeFile(LESSON, '# Lektion\n');

		await Promise.all([ensureRepository(dir), ensureRepository(dir)]);

		expect(await history(dir)).toHaveLength(1);
	});

	it('leaves the folder to another process that is making the repository', async () => {
		writeFile(LESSON, '# Lektion\n');
		let mine: Promise<boolean> | undefined;
		// The other process holds the lease and makes the repository; this one starts meanwhile.
		await withLease(folderLease(dir), async () => {
			mine = ensureRepository(dir);
			await git.init({ fs, dir, defaultBranch: 'main' });
			await git.add({ fs, dir, filepath: LESSON });
			await git.commit({ fs, dir, message: 'Anderer Prozess', author: ANNA });
		});

		expect(await mine).toBe(false);
		expect((await history(dir)).map((entry) => entry.message.trim())).toEqual(['Anderer Prozess']);
	});
});

describe('commitFiles', () => {
	it('waits while another process commits to the folder', async () => {
		await seedRepository();
		const events: string[] = [];
		let mine: Promise<string> | undefined;
		await withLease(folderLease(dir), async () => {
			mine = commitFiles(
				dir,
				change({ writes: [{ path: LESSON, content: Buffer.from('# Neu\n') }] })
			);
			void mine.then(() => events.push('eigener Commit'));
			await new Promise((resolve) => setTimeout(resolve, 150));
			events.push('anderer Prozess fertig');
		});
		await mine;
		expect(events).toEqual(['anderer Prozess fertig', 'eigener Commit']);
	});

	it('writes and deletes files, prunes emptied folders and returns the new commit', async () => {
		await seedRepository();

		const oid = await commitFiles(
			dir,
			change({
				writes: [{ path: 'courses/01-kurs/02-modul/neu.md', content: 'Neu\n' }],
				deletes: [OTHER_COURSE, 'courses/gibt-es-nicht.md']
			})
		);

		expect(oid).toBe(await headOid(dir));
		expect(readFileSync(join(dir, 'courses/01-kurs/02-modul/neu.md'), 'utf8')).toBe('Neu\n');
		expect(existsSync(join(dir, 'courses/02-anderer'))).toBe(false);
		expect(existsSync(join(dir, 'courses'))).toBe(true);
		expect(await filesInHead()).toEqual([LESSON, 'courses/01-kurs/02-modul/neu.md']);
	});

	it('stages only the named paths', async () => {
		await seedRepository();
		writeFile('courses/01-kurs/unbeteiligt.md', 'nicht gespeichert');

		await commitFiles(dir, change({ writes: [{ path: LESSON, content: '# Neu\n' }] }));

		expect(await filesInHead()).not.toContain('courses/01-kurs/unbeteiligt.md');
	});

	it.each(['../x', '/abs', '.git/config', 'courses/./a.md', 'courses//a.md'])(
		'rejects the path %s without touching anything',
		async (path) => {
			await seedRepository();
			const head = await headOid(dir);

			await expect(
				commitFiles(dir, change({ writes: [{ path, content: 'böse' }] }))
			).rejects.toThrow();
			await expect(commitFiles(dir, change({ deletes: [path] }))).rejects.toThrow();
			expect(await headOid(dir)).toBe(head);
		}
	);
});

describe('history', () => {
	async function threeCommits() {
		await seedRepository();
		await commitFiles(
			dir,
			change({ writes: [{ path: LESSON, content: '# Zwei\n' }], message: 'Lektion überarbeitet' })
		);
		await commitFiles(
			dir,
			change({
				writes: [{ path: OTHER_COURSE, content: 'Hallo\n' }],
				author: BERND,
				message: 'Anderer Kurs'
			})
		);
		await commitFiles(
			dir,
			change({ deletes: [LESSON], author: BERND, message: 'Lektion gelöscht' })
		);
	}

	it('lists all commits newest first with author and date', async () => {
		await threeCommits();

		const entries = await history(dir);

		expect(entries.map((entry) => entry.message)).toEqual([
			'Lektion gelöscht',
			'Anderer Kurs',
			'Lektion überarbeitet',
			'Ausgangsstand der Kursinhalte'
		]);
		expect(entries[0]).toMatchObject({ authorName: BERND.name, authorEmail: BERND.email });
		expect(entries[0]?.date).toBeInstanceOf(Date);
		expect(Math.abs(Date.now() - (entries[0]?.date.getTime() ?? 0))).toBeLessThan(60_000);
		expect(await history(dir, { limit: 2 })).toHaveLength(2);
	});

	it('lists only the commits that changed a file, including its creation and deletion', async () => {
		await threeCommits();

		const entries = await history(dir, { path: LESSON });

		expect(entries.map((entry) => entry.message)).toEqual([
			'Lektion gelöscht',
			'Lektion überarbeitet',
			'Ausgangsstand der Kursinhalte'
		]);
		expect(entries[1]).toMatchObject({ authorName: ANNA.name, authorEmail: ANNA.email });
	});

	it('lists only the commits that changed something inside a folder', async () => {
		await threeCommits();

		const entries = await history(dir, { path: 'courses/02-anderer', limit: 1 });

		expect(entries.map((entry) => entry.message)).toEqual(['Anderer Kurs']);
		expect(await history(dir, { path: 'courses/03-fehlt' })).toEqual([]);
	});

	it('is empty without a repository', async () => {
		expect(await history(dir)).toEqual([]);
		expect(await headOid(dir)).toBeNull();
	});

	it('includes commits made outside the app', async () => {
		await seedRepository();
		writeFile(OTHER_COURSE, 'Von außen geändert\n');
		if (existsSync('/usr/bin/git')) {
			const cli = (...args: string[]) => execFileSync('/usr/bin/git', args, { cwd: dir });
			cli('add', OTHER_COURSE);
			cli('-c', 'user.name=Cli Nutzer', '-c', 'user.email=cli@example.org', 'commit', '-m', 'CLI');
		} else {
			await git.add({ fs, dir, filepath: OTHER_COURSE });
			const author = { name: 'Cli Nutzer', email: 'cli@example.org' };
			await git.commit({ fs, dir, message: 'CLI', author });
		}
		await commitFiles(dir, change({ writes: [{ path: LESSON, content: '# Danach\n' }] }));

		const entries = await history(dir, { path: 'courses/02-anderer' });

		expect(entries.map((entry) => entry.message)).toEqual(['CLI', 'Ausgangsstand der Kursinhalte']);
		expect(entries[0]).toMatchObject({ authorName: 'Cli Nutzer', authorEmail: 'cli@example.org' });
		expect(await history(dir)).toHaveLength(3);
	});
});

describe('findCommit', () => {
	it('finds a commit of HEAD’s history that changed the path, and nothing else', async () => {
		await seedRepository();
		const first = (await headOid(dir))!;
		const other = await commitFiles(
			dir,
			change({ writes: [{ path: OTHER_COURSE, content: 'Hallo\n' }], message: 'Anderer Kurs' })
		);
		await commitFiles(dir, change({ writes: [{ path: LESSON, content: '# Neu\n' }] }));
		// A commit that no branch reaches (written beside the history, as a tool might).
		writeFile(LESSON, '# Abseits\n');
		await git.add({ fs, dir, filepath: LESSON });
		const aside = await git.commit({
			fs,
			dir,
			message: 'Abseits',
			author: ANNA,
			noUpdateBranch: true
		});

		expect(await findCommit(dir, first, LESSON)).toMatchObject({
			oid: first,
			message: 'Ausgangsstand der Kursinhalte'
		});
		expect(await findCommit(dir, other, 'courses/02-anderer')).toMatchObject({
			message: 'Anderer Kurs',
			authorName: ANNA.name
		});
		expect(await findCommit(dir, other, LESSON)).toBeNull();
		expect(await findCommit(dir, aside, LESSON)).toBeNull();
		expect(await findCommit(dir, '0'.repeat(40), LESSON)).toBeNull();
		const tree = (await git.readCommit({ fs, dir, oid: first })).commit.tree;
		expect(await findCommit(dir, tree, LESSON)).toBeNull();
	});
});

describe('readFileAt', () => {
	it('returns the content a file had in an earlier commit, null where it did not exist', async () => {
		await seedRepository();
		const first = await headOid(dir);
		await commitFiles(
			dir,
			change({
				writes: [
					{ path: LESSON, content: '# Geändert\n' },
					{ path: 'courses/01-kurs/spaeter.md', content: 'später' }
				]
			})
		);

		const old = await readFileAt(dir, first ?? '', LESSON);

		expect(new TextDecoder().decode(old ?? undefined)).toBe('# Lektion\n');
		expect(await readFileAt(dir, first ?? '', 'courses/01-kurs/spaeter.md')).toBeNull();
		expect(await readFileAt(dir, first ?? '', 'courses/01-kurs')).toBeNull();
	});
});

describe('changesIn', () => {
	it('reports added, modified and deleted files with their texts, sorted by path', async () => {
		await seedRepository();
		const oid = await commitFiles(
			dir,
			change({
				writes: [
					{ path: LESSON, content: '# Lektion\nMehr\n' },
					{ path: 'courses/01-kurs/bild.png', content: PNG }
				],
				deletes: [OTHER_COURSE]
			})
		);

		expect(await changesIn(dir, oid)).toEqual([
			{
				path: 'courses/01-kurs/01-modul/lektion.md',
				status: 'modified',
				before: '# Lektion\n',
				after: '# Lektion\nMehr\n',
				binary: false
			},
			{
				path: 'courses/01-kurs/bild.png',
				status: 'added',
				before: null,
				after: null,
				binary: true
			},
			{
				path: OTHER_COURSE,
				status: 'deleted',
				before: 'Willkommen\n',
				after: null,
				binary: false
			}
		]);
	});

	it('restricts the changes to a folder or a single file', async () => {
		await seedRepository();
		const oid = await commitFiles(
			dir,
			change({
				writes: [
					{ path: LESSON, content: 'eins' },
					{ path: OTHER_COURSE, content: 'zwei' }
				]
			})
		);

		const inFolder = await changesIn(dir, oid, { under: 'courses/02-anderer/' });
		const inFile = await changesIn(dir, oid, { under: LESSON });

		expect(inFolder.map((entry) => entry.path)).toEqual([OTHER_COURSE]);
		expect(inFile.map((entry) => [entry.path, entry.after])).toEqual([[LESSON, 'eins']]);
		expect(await changesIn(dir, oid, { under: 'courses/03-fehlt' })).toEqual([]);
	});

	it('treats the first commit as adding every file', async () => {
		await seedRepository();
		const root = await headOid(dir);

		const changes = await changesIn(dir, root ?? '');

		expect(changes.map((entry) => [entry.path, entry.status, entry.after])).toEqual([
			[LESSON, 'added', '# Lektion\n'],
			[OTHER_COURSE, 'added', 'Willkommen\n']
		]);
	});
});
