// Single fetch types: loaders/actions returning data() are typed by their values.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
