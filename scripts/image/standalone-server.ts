// The container's server (bundled into server.mjs by assemble-standalone.ts): server.ts itself, after
// the image's set-up. Imports run in order, so the set-up is done before server.ts starts.
import "./standalone-setup";
import "../../server";
