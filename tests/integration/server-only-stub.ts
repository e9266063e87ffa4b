// `server-only` throws outside React's server bundle; integration tests run lib/server in plain
// Node, which is exactly the server, so the guard resolves to this empty module here.
export {};
