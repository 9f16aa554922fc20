import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { createUser } from '$lib/server/auth/users';
import type { SessionUser } from '$lib/server/auth/session';
import { reloadContent } from '$lib/server/content';
import { startContentHistory } from '$lib/server/studio/versions';
import { useFreshDatabase } from './test-database';

// The studio's tests work on a copy of the valid fixture courses as CONTENT_DIR.

export const COURSE = '01-grundlagen';
export const MODULE = '01-ankommen';
export const WELCOME = `courses/${COURSE}/${MODULE}/01-willkommen.md`;

export const STUDIO_FIXTURE = resolve(import.meta.dirname, '../../fixtures/content/valid');

/** A fresh database and the fixture courses as CONTENT_DIR, loaded and made a repository. */
export async function openStudioFolder(): Promise<string> {
	useFreshDatabase();
	const dir = mkdtempSync(join(tmpdir(), 'lernplattform-studio-'));
	cpSync(join(STUDIO_FIXTURE, 'courses'), join(dir, 'courses'), { recursive: true });
	process.env.CONTENT_DIR = dir;
	expect(reloadContent().ok).toBe(true);
	expect(await startContentHistory()).toBe(true);
	return dir;
}

export function closeStudioFolder(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	process.env.CONTENT_DIR = 'content';
}

export async function studioPerson(name: string, role: SessionUser['role']): Promise<SessionUser> {
	const email = `${name.toLowerCase()}@beispiel.example`;
	const user = await createUser({ name, email, password: 'Sonnenblume Fahrrad Brücke', role });
	return { id: user.id, name, email, role };
}
