// Viewers for the benchmark: people with VIEWER on every endpoint (so a new one reaches them), each
// signed in once (their cookie).
import { ApiClient } from "../../tests/support/api-client";

export async function signedInPeople(admin: ApiClient, baseUrl: string, count: number): Promise<ApiClient[]> {
  const people: ApiClient[] = [];
  for (let i = 0; i < count; i++) {
    const email = `viewer-${i}@bench.example.test`;
    const password = "benchmark viewer password";
    const created = await admin.request<{ user: { id: string } }>("POST", "/api/admin/users", {
      email,
      name: `Viewer ${i}`,
      password,
    });
    if (created.status !== 201) throw new Error(`create viewer: ${created.text}`);
    const granted = await admin.request("POST", "/api/admin/grants", {
      userId: created.json.user.id,
      allEndpoints: true,
      role: "VIEWER",
    });
    if (granted.status >= 300) throw new Error(`grant: ${granted.text}`);
    const person = new ApiClient(baseUrl);
    const error = await person.signIn(email, password);
    if (error) throw new Error(`viewer sign-in: ${error}`);
    people.push(person);
  }
  return people;
}
