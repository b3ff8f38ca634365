// The session-signing secret: NEXTAUTH_SECRET, or one generated into the data directory.
import { config } from "../config";
import { readOrCreateSecretFile } from "../config/secret-file";

export function sessionSecret(): string {
  const { NEXTAUTH_SECRET, dataDir } = config();
  return NEXTAUTH_SECRET ?? readOrCreateSecretFile(dataDir, "session.secret", 48).toString("base64url");
}
