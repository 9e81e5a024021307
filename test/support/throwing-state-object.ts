// A Worker of the workerd fleet tests only (test/support/workerd-fleet.ts): its Durable Object throws on
// every request, as a broken router-state object would. The "faulty" Cita instance binds it as ROUTER_STATE,
// so the fault is injected by configuration, never by anything a request can send.
export class ThrowingStateObject {
  async fetch(): Promise<Response> {
    throw new Error("injected router-state fault");
  }
}

export default {
  fetch: (): Response => new Response("the throwing router-state object's worker", { status: 404 }),
};
