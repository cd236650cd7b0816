// Answers a route throws for the shared error boundary.

/** 404, exactly like a page that does not exist: also for what is outside the asker's scope. */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}
