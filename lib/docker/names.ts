// Name rules the Docker engine enforces, as zod schemas shared by every input that names things.
// Anything that ends up in an engine path (container, image, volume, network) is parsed with one of
// these: dockerode puts them into the URL as they are, so "prune?" or "../x" would reach another
// engine endpoint than the one checked and audited.
import { z } from "zod";

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export const containerName = z.string().trim().regex(NAME, "container names use letters, digits, _ . -").max(128);

/** A container, volume or network named in a path: an id or a name, as the engine allows them. */
const objectRef = (what: string) =>
  z
    .string()
    .min(1, `a ${what} id or name is required`)
    .max(128)
    .regex(NAME, `a ${what} id or name uses letters, digits, _ . - only`);

export const containerRef = objectRef("container");
export const volumeRef = objectRef("volume");
export const networkRef = objectRef("network");

// The distribution reference grammar (github.com/distribution/reference): host[:port]/path[:tag][@digest],
// or an image id (sha256:<hex>, or a hex prefix). No component can be "..", "?", "#", "%" or blank.
const domainPart = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domain = `${domainPart}(?:\\.${domainPart})*(?::[0-9]+)?`;
const pathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const tag = "[\\w][\\w.-]{0,127}";
const digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const IMAGE_REFERENCE = new RegExp(
  `^(?:(?:${domain}/)?${pathComponent}(?:/${pathComponent})*(?::${tag})?(?:@${digest})?|sha256:[0-9a-f]{64}|[0-9a-f]{12,64})$`,
);

export const imageRef = z
  .string()
  .trim()
  .min(1, "image is required")
  .max(512)
  .regex(IMAGE_REFERENCE, "not an image reference (such as nginx:1.27, registry:5000/team/app@sha256:…)");

export const envVarName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "invalid environment variable name");
