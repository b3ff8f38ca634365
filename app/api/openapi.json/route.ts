import document from "@/lib/openapi/openapi.json";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-static";

/** The REST API described (OpenAPI 3.1), generated from the route handlers by `npm run openapi`. */
export const GET = publicRoute({}, async () => document);
