// npm run content:check [-- <folder>]: checks the courses in content/ (or in <folder>, which
// holds a courses/ folder) with the same rules the app applies at start. Exit code 1 on errors.
import { checkContentDir } from './lib/content-check';

const report = await checkContentDir(process.argv[2] ?? 'content');
for (const line of report.lines) console.log(line);
process.exitCode = report.errorCount > 0 ? 1 : 0;
