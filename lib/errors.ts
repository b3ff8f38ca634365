// Errors that map to an HTTP status with a message meant for the person who asked. They live below
// the HTTP layer so the domain (endpoints, docker, streams) can refuse without knowing about HTTP.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details);
export const unauthorized = () => new HttpError(401, "sign in first");
export const forbidden = (message = "you are not allowed to do that") => new HttpError(403, message);
export const notFound = (what = "not found") => new HttpError(404, what);
export const conflict = (message: string) => new HttpError(409, message);
