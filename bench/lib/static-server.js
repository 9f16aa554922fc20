// The reference for "how fast can this machine answer at all": one saved HTML file served from
// memory by a minimal Node server in its own process (used when nginx is not installed).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
createServer((_request, response) => {
	response.writeHead(200, {
		'content-type': 'text/html; charset=utf-8',
		'content-length': body.length
	});
	response.end(body);
}).listen(Number(port), () => process.send?.('ready'));
