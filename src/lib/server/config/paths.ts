import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { envText } from './env';

/**
 * Finds a folder that ships with the project (migrations, shipped courses) whether the server runs
 * from the project directory (`node scripts/serve.js`, `node build`) or from elsewhere
 * (`node /opt/lernplattform/scripts/serve.js`).
 */
export function findProjectDir(name: string, envValue: string | undefined): string {
	if (envValue) return resolve(envValue);
	const entry = process.argv[1] ? resolve(process.argv[1]) : process.cwd();
	const candidates = [
		resolve(process.cwd(), name),
		resolve(dirname(entry), '..', name),
		resolve(entry, '..', '..', name)
	];
	return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

export const databasePath = () => resolve(envText('DATABASE_PATH') ?? 'data/lernplattform.db');
export const uploadDir = () => resolve(envText('UPLOAD_DIR') ?? 'data/uploads');
export const migrationsDir = () => findProjectDir('drizzle', envText('MIGRATIONS_DIR'));
/** The course content the running app reads (and, with the studio, writes): never the source tree. */
export const contentDir = () => resolve(envText('CONTENT_DIR') ?? 'data/content');
/** The courses that ship with the product: the seed of a new CONTENT_DIR. */
export const shippedContentDir = () => findProjectDir('content', undefined);
