import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import { publishContent, type ContentVersion } from '../../src/lib/server/content/store';

// The shipped courses, checked once per run (shipped-content.global.ts), are live in every
// test file from the start, as after a server start with CONTENT_DIR=content.
publishContent(deserialize(inject('shippedContent')) as ContentVersion);
