// What a new password must be: long enough, and not one of the passwords attackers try first
// (Mozilla's list for Firefox Accounts, drawn from leaked-password corpora).
import commonPasswords from "fxa-common-password-list";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password";

export function isCommonPassword(password: string): boolean {
  return commonPasswords.test(password) || commonPasswords.test(password.toLowerCase());
}

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "password must be at most 1024 characters")
  .refine((p) => !isCommonPassword(p), "this password is on a list of commonly used passwords; choose another");
