import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import { publishContent, type ContentVersion } from '../../src/lib/server/content/store';

// The fixture courses, checked once per run (test-content.global.ts), are live in every test
// file from the start, as after a server start with CONTENT_DIR=tests/fixtures/catalogue.
publishContent(deserialize(inject('fixtureContent')) as ContentVersion);
