// When the database cannot save (a full disk, an I/O error), every loader and action answers 503
// instead of 500: the shared error boundary then tells the person calmly that nothing was changed,
// and the log names the real error. Remix v2 has no middleware, so each route module's loader and
// action is wrapped once, when the server starts.
import type { ServerBuild } from "@remix-run/node";
import type { ServerHooks } from "~/server-hooks.server";

type Handler = (args: never) => unknown;

function answer503(
  handler: Handler,
  { log, storageFailureCode }: Pick<ServerHooks, "log" | "storageFailureCode">,
): Handler {
  return async (args: never) => {
    try {
      return await handler(args);
    } catch (error) {
      const code = storageFailureCode(error);
      if (!code) throw error;
      log("storage_failure", { code, message: error instanceof Error ? error.message.slice(0, 300) : undefined });
      throw new Response("We could not save this. Nothing was changed.", {
        status: 503,
        statusText: "Service Unavailable",
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "60" },
      });
    }
  };
}

export function answerStorageFailuresWith503(build: ServerBuild, hooks: ServerHooks): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module };
    if (module.loader) module.loader = answer503(module.loader as Handler, hooks) as typeof module.loader;
    if (module.action) module.action = answer503(module.action as Handler, hooks) as typeof module.action;
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}
