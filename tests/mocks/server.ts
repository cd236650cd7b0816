// Every outgoing HTTP request in unit and integration tests goes through this server; one that no
// handler answers fails the test (see tests/setup/unit.ts). Today the app calls no outside
// service. When it does, put that service's handlers in a file of its own beside this one
// (e.g. tests/mocks/<service>.ts) and add them to the list below.
import { setupServer } from "msw/node";

export const server = setupServer();
