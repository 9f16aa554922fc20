import { resolve } from 'node:path';

/** Fixed, so the test workers can open the server's database to arrange edge cases. */
export const E2E_DATA_DIR = resolve('.e2e-data');
export const E2E_DATABASE_PATH = resolve(E2E_DATA_DIR, 'e2e.db');
/** The server's CONTENT_DIR: content/ and the fixture courses, copied at start; tests may change it. */
export const E2E_CONTENT_DIR = resolve(E2E_DATA_DIR, 'content');

/** The app's address in the end-to-end tests (E2E_PORT lets checkouts run side by side). */
export const E2E_BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
