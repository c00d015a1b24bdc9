// Smoke test of the typescript-fetch client generated from generated/openapi.yaml.
// generator/languages/clients.py copies this file next to the generated sources, compiles it with tsc and runs
//   node dist/smoke.js
// with B24_WEBHOOK (a webhook base URL of the reference server, no trailing slash), B24_OAUTH_BASE and
// B24_OAUTH_TOKEN (its OAuth endpoint and a token) and B24_PIN_200_ERROR (the documented error body that
// tasks.flow.Flow.pin may send with HTTP 200). Every step prints one `ts: ...` line; the last is `ts: SMOKE OK`.
//
// Bitrix24 may answer an error with HTTP 200 (tasks.flow.Flow.pin), so a generated client must not trust
// the status: the middleware below turns every body that has an `error` member into a thrown B24Error,
// whatever the status. That is what users of this client must do too.

import { Configuration, type Middleware, type ResponseContext } from "./runtime";
import { TasksFlowApi, BizprocWorkflowApi, BizprocWorkflowTemplateApi } from "./apis";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

export class B24Error extends Error {
  constructor(
    public readonly code: string,
    public readonly description: string,
    public readonly status: number,
  ) {
    super(`${code}: ${description} (HTTP ${status})`);
  }
}

/** Throw B24Error for any JSON body with an `error` member, also under HTTP 200. */
export const bitrixErrors: Middleware = {
  async post(context: ResponseContext): Promise<Response | void> {
    const text = await context.response.clone().text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    if (body !== null && typeof body === "object" && "error" in body) {
      const err = body as { error: unknown; error_description?: unknown };
      throw new B24Error(String(err.error), String(err.error_description ?? ""), context.response.status);
    }
  },
};

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function say(line: string): void {
  console.log(`ts: ${line}`);
}

/** Run `call`, which must fail with a Bitrix24 error; return that error. */
async function expectError(step: string, call: () => Promise<unknown>): Promise<B24Error> {
  try {
    const result = await call();
    throw new Error(`${step}: expected an error, got ${JSON.stringify(result)}`);
  } catch (e) {
    if (!(e instanceof B24Error)) throw e;
    say(`${step} error code=${JSON.stringify(e.code)} status=${e.status} description=${JSON.stringify(e.description)}`);
    return e;
  }
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

async function flows(webhook: string, pin200Error: string): Promise<void> {
  const config = new Configuration({ basePath: webhook, middleware: [bitrixErrors] });
  const api = new TasksFlowApi(config);
  const name = `TS smoke ${Date.now()}`;

  const created = await api.tasksFlowFlowCreate({
    tasksFlowFlowCreateRequest: {
      flowData: {
        name,
        plannedCompletionTime: 3600,
        distributionType: "queue",
        responsibleList: [["user", "2"]],
      },
    },
  });
  const id = created.result.id;
  check(typeof id === "number" && id > 0, `create: bad id ${id}`);
  say(`create ok id=${id} active=${created.result.active}`);

  const got = await api.tasksFlowFlowGet({ tasksFlowFlowGetRequest: { flowId: id } });
  check(got.result.name === name, `get: name ${got.result.name}`);
  check(JSON.stringify(got.result.responsibleList) === '[["user","2"]]', "get: responsibleList");
  say(`get ok name=${JSON.stringify(got.result.name)} distributionType=${got.result.distributionType}`);

  const activated = await api.tasksFlowFlowActivate({ tasksFlowFlowGetRequest: { flowId: id } });
  check(activated.result === true, "activate: result");
  const after = await api.tasksFlowFlowGet({ tasksFlowFlowGetRequest: { flowId: id } });
  check(after.result.active !== created.result.active, "activate: active did not toggle");
  say(`activate ok active=${after.result.active}`);

  const pinned = await api.tasksFlowFlowPin({ tasksFlowFlowGetRequest: { flowId: id } });
  check("result" in pinned && pinned.result === true, `pin: ${JSON.stringify(pinned)}`);
  say(`pin ok pinned=true`);

  const deleted = await api.tasksFlowFlowDelete({ tasksFlowFlowDeleteRequest: { flowData: { id } } });
  check(deleted.result.deleted === true, "delete: result");
  say(`delete ok`);

  await expectError("get-deleted", () => api.tasksFlowFlowGet({ tasksFlowFlowGetRequest: { flowId: id } }));
  // an administrator's pin of an unknown id succeeds on a portal (no existence check); activate fails
  await expectError("activate-deleted", () =>
    api.tasksFlowFlowActivate({ tasksFlowFlowGetRequest: { flowId: id } }),
  );

  // The reference server answers pin's errors with 400; a portal may use 200 (spec decision D2).
  // Replay the documented 200 body through the same client with a stub fetch.
  const stub = new TasksFlowApi(
    new Configuration({
      basePath: webhook,
      middleware: [bitrixErrors],
      fetchApi: async () =>
        new Response(pin200Error, { status: 200, headers: { "Content-Type": "application/json" } }),
    }),
  );
  await expectError("pin-200-error", () => stub.tasksFlowFlowPin({ tasksFlowFlowGetRequest: { flowId: id } }));
}

async function bizproc(webhook: string, oauthBase: string, token: string): Promise<void> {
  const config = new Configuration({ basePath: webhook, middleware: [bitrixErrors] });
  const workflows = new BizprocWorkflowApi(config);
  let before;
  try {
    before = await workflows.bizprocWorkflowInstances({ workflowInstanceListRequest: {} });
  } catch (e) {
    if (e instanceof B24Error && e.code === "ERROR_METHOD_NOT_FOUND") {
      say(`bizproc skipped: the server answers ERROR_METHOD_NOT_FOUND (${e.description})`);
      return;
    }
    throw e;
  }
  say(`instances ok total=${before.total}`);

  // Templates belong to applications: add one over OAuth, then start it from the webhook.
  const templates = new BizprocWorkflowTemplateApi(
    new Configuration({ basePath: oauthBase, accessToken: token, middleware: [bitrixErrors] }),
  );
  const bpt = Buffer.from("smoke template").toString("base64");
  const added = await templates.bizprocWorkflowTemplateAdd({
    bizprocWorkflowTemplateAddRequest: {
      dOCUMENTTYPE: ["crm", "CCrmDocumentDeal", "DEAL"],
      nAME: `TS smoke ${Date.now()}`,
      tEMPLATEDATA: ["smoke.bpt", bpt],
    },
  });
  const templateId = Number(added.result);
  say(`template.add ok id=${templateId}`);

  const started = await workflows.bizprocWorkflowStart({
    bizprocWorkflowStartRequest: { tEMPLATEID: templateId, dOCUMENTID: ["crm", "CCrmDocumentDeal", "DEAL_1"] },
  });
  const workflowId = started.result;
  check(typeof workflowId === "string" && workflowId.length > 0, `start: ${JSON.stringify(started)}`);
  say(`start ok id=${workflowId}`);

  const listed = await workflows.bizprocWorkflowInstances({
    workflowInstanceListRequest: { sELECT: ["ID", "TEMPLATE_ID", "DOCUMENT_ID"] },
  });
  const row = listed.result.find((r) => r.iD === workflowId);
  check(row !== undefined, `instances: ${workflowId} not listed`);
  // list rows carry numbers as strings (spec decision D15)
  check(row?.tEMPLATEID === String(templateId), `instances: TEMPLATE_ID ${JSON.stringify(row?.tEMPLATEID)}`);
  say(`instances ok total=${listed.total} found=${workflowId}`);
}

declare const Buffer: { from(text: string): { toString(encoding: string): string } };

async function main(): Promise<void> {
  await flows(env("B24_WEBHOOK"), env("B24_PIN_200_ERROR"));
  await bizproc(env("B24_WEBHOOK"), env("B24_OAUTH_BASE"), env("B24_OAUTH_TOKEN"));
  say("SMOKE OK");
}

main().catch((e: unknown) => {
  console.log(`ts: SMOKE FAILED ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
