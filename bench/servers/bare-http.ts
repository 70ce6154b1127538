// Baseline: the cheapest HTTP server Node has, answering every request with an empty 200.
import { createServer } from 'node:http';

createServer((request, response) => {
  request.resume();
  request.on('end', () => response.end());
}).listen(Number(process.env.PORT), '127.0.0.1');
