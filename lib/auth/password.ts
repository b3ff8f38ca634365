// Password hashing with argon2id (OWASP's recommended parameters).
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = {
  algorithm: 2 /* Argon2id; the package exports it as a const enum */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the account does not exist, so timing does not reveal it.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("decoy-password-never-used");
  return decoy;
}
