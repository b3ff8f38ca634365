// A socket's subject read again (grants may have changed since it connected). A token's socket is
// read through its token, so the token's ceiling — and its revocation — still apply; a session's
// end is the access re-check's to notice (it ends the socket).
import { subjectFromApiToken } from "../auth/api-token";
import type { Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import type { RealtimeSocket } from "./socket-data";

export function reloadSubject(socket: RealtimeSocket): Promise<Subject | null> {
  const credential = socket.data.credential;
  return credential?.kind === "token"
    ? subjectFromApiToken(credential.token, { touch: false })
    : loadSubject(socket.data.subject.userId);
}
