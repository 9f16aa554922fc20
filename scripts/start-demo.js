import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// `npm start`: serves the built app with demo accounts on an embedded SQLite database.
// Every setting can still be overridden with the environment variables from the README.
process.env.DEMO_MODE ??= 'true';
process.env.PORT ??= '3000';
process.env.DATABASE_PATH ??= 'data/lernplattform.db';
// Uploads (practice assignments up to 10 MB, certificate logos) need more than adapter-node's 512K.
process.env.BODY_SIZE_LIMIT ??= '12M';
// adapter-node assumes https unless told the public address; CSRF checks compare against it.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;

const url = process.env.ORIGIN;
// A computed path, so type checking does not follow it into the generated build.
await import(pathToFileURL(resolve('build/index.js')).href);
console.log(`\nLernplattform läuft: ${url}`);
console.log('Demo-Zugänge stehen auf der Anmeldeseite. Beenden mit Strg+C.\n');
