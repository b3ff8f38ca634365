// What one socket, one user and one request may hold or ask of this server instance, in one place.
// Every refusal names the limit it hit.

/** Log subscriptions open at once on one socket (one browser tab). */
export const MAX_LOG_SUBSCRIPTIONS_PER_SOCKET = 50;
/** Log subscriptions open at once for one user on this instance, all their sockets together. */
export const MAX_LOG_SUBSCRIPTIONS_PER_USER = 200;
/** Subscriptions one search may name (a view has one per picked source). */
export const MAX_SEARCH_SUBSCRIPTIONS = 50;
/** How often every socket's access is read again (grants, disabled user, deleted endpoint, expiry). */
export const ACCESS_RECHECK_MS = 2_500;
/** How long a viewer has to acknowledge a frame of log lines. */
export const FRAME_ACK_TIMEOUT_MS = 30_000;
/** Kubernetes resource watches (kube:watch) open at once on one socket (one browser tab). */
export const MAX_KUBE_WATCHES_PER_SOCKET = 20;
/** Namespaces one kube:watch may name (omit them to watch every namespace you may read). */
export const MAX_WATCH_NAMESPACES = 100;

/** How long a viewer has to acknowledge a batch of Kubernetes rows. */
export const ROWS_ACK_TIMEOUT_MS = 30_000;
/** kube:rows batches a viewer may have unacknowledged; changes meanwhile are merged per object. */
export const MAX_UNACKED_ROW_BATCHES = 2;
/** Rows in one kube:rows batch (a relist of a large cluster goes in several). */
export const MAX_ROWS_PER_BATCH = 2000;

/** Terminals open at once on one socket (one browser tab). */
export const MAX_TERMINALS_PER_SOCKET = 20;
/** Terminals open at once for one user on this instance, all their sockets together. */
export const MAX_TERMINALS_PER_USER = 60;
/** Characters of input in one exec:input event (a paste is sent in pieces of this size). */
export const MAX_TERMINAL_INPUT = 16 * 1024;
/** How long a browser has to acknowledge a frame of terminal output. */
export const TERMINAL_ACK_TIMEOUT_MS = 30_000;
/** Usage watches (charts, table sparklines) open at once on one socket (one browser tab). */
export const MAX_USAGE_WATCHES_PER_SOCKET = 100;
