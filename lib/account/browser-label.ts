// "Firefox 132 on Linux" from a user agent, for the list of a person's sessions.
import Bowser from "bowser";

export function browserLabel(userAgent: string | null): string {
  if (!userAgent) return "unknown browser";
  const { browser, os } = Bowser.parse(userAgent);
  const name = browser.name ? `${browser.name}${browser.version ? ` ${browser.version.split(".")[0]}` : ""}` : null;
  if (!name) return userAgent.slice(0, 60);
  return os.name ? `${name} on ${os.name}` : name;
}
