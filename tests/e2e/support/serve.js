// Starts the built app for the end-to-end tests on a fresh database in a temporary folder.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { seedTestContent } from '../../support/test-content.js';
import { E2E_DATA_DIR } from './paths.js';

const dir = E2E_DATA_DIR;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const port = process.env.E2E_PORT ?? '4173';
const contentDir = join(dir, 'content');
Object.assign(process.env, {
	PORT: port,
	ORIGIN: `http://localhost:${port}`,
	DATABASE_PATH: join(dir, 'e2e.db'),
	UPLOAD_DIR: join(dir, 'uploads'),
	KEY_DIR: join(dir, 'keys'),
	// The shipped and the fixture courses (seeded below); tests change files here, never in content/.
	CONTENT_DIR: contentDir,
	BODY_SIZE_LIMIT: '12M',
	DEMO_MODE: 'true',
	// Each test sends its own X-Forwarded-For, so login throttling of one test cannot
	// spill into another that runs in parallel from the same machine.
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1'
});
seedTestContent(contentDir);
console.log(`e2e database: ${process.env.DATABASE_PATH}`);
await import('../../../scripts/serve.js');
