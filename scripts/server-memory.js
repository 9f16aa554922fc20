// How the server is started (README "Betrieb", `npm start`, the bench and the tests): a young
// generation of 4 MiB per semi-space and a 512 MiB old generation let V8 collect the content
// check's garbage early instead of growing the heap first, and two malloc arenas keep the zlib
// threads of PDF and ZIP downloads from each holding their own. Peak after start and 71 PDFs
// 162–163 instead of 208 MiB in the same hour. The price: pages that compute much at once (the
// trainer matrix over 500 learners) take about 40 % longer than without these flags
// (bench/README.md, "Speicher").
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=512'];
export const SERVER_ENV = { MALLOC_ARENA_MAX: '2' };
