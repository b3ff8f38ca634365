// The id of a row of ours (a cuid, or an endpoint's UUID) as it may appear in a path or a body:
// letters, digits and dashes only, so "a/b", "x?y" and friends are refused with a 400 before any
// lookup.
import { z } from "zod";

export const recordId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "not a valid id");
