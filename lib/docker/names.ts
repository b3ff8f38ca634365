// Name rules the Docker engine enforces, as zod schemas shared by every input that names things.
import { z } from "zod";

export const containerName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "container names use letters, digits, _ . -")
  .max(128);

export const envVarName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "invalid environment variable name");
