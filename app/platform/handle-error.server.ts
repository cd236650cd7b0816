import type { HandleErrorFunction } from "@remix-run/node";
import { log } from "./logger.server";

// Unexpected errors are logged by name and message only: a stack trace may hold request data.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  log("error", {
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message.slice(0, 300) : undefined,
  });
};
