// npm run content:check [-- <folder>]: checks the courses in <folder> (which holds a courses/
// folder), else in CONTENT_DIR, else the shipped content/, with the same rules the app applies
// when it loads or reloads content. Exit code 1 on errors.
import { checkContentDir } from './lib/content-check';

const report = await checkContentDir(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
for (const line of report.lines) console.log(line);
process.exitCode = report.errorCount > 0 ? 1 : 0;
